package dev.metapilot.bridge.transport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.EOFException;
import java.io.IOException;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.channels.ServerSocketChannel;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class TcpTransportTest {

    private final ServerSocketChannel server;
    private final TcpTransport client;
    private final TcpTransport peer;

    TcpTransportTest() throws IOException {
        server = ServerSocketChannel.open().bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
        client = TcpTransport.connect((InetSocketAddress) server.getLocalAddress(), 1000);
        peer = TcpTransport.accepted(server.accept());
    }

    @AfterEach
    void close() throws IOException {
        client.close();
        peer.close();
        server.close();
    }

    private String readAll(TcpTransport t, int n) throws IOException {
        byte[] buf = new byte[64];
        int got = 0;
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(1);
        while (got < n && System.nanoTime() < deadline) {
            got += t.read(buf, got, buf.length - got, 10);
        }
        return new String(buf, 0, got, StandardCharsets.US_ASCII);
    }

    @Test
    void bytesGoBothWays() throws IOException {
        byte[] hello = "hello".getBytes(StandardCharsets.US_ASCII);
        client.write(hello, 0, 5);
        assertThat(readAll(peer, 5)).isEqualTo("hello");
        peer.write("xxok".getBytes(StandardCharsets.US_ASCII), 2, 2);
        assertThat(readAll(client, 2)).isEqualTo("ok");
        assertThat(client.description()).startsWith("tcp://");
    }

    @Test
    void aReadWithNothingToReadReturnsZeroAfterItsTimeout() throws IOException {
        long start = System.nanoTime();
        assertThat(peer.read(new byte[8], 0, 8, 30)).isZero();
        assertThat((System.nanoTime() - start) / 1_000_000).isBetween(20L, 1000L);
        assertThatThrownBy(() -> peer.read(new byte[8], 0, 8, 0)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void thePeerClosingIsAnEndOfStream() {
        client.close();
        assertThatThrownBy(() -> readAll(peer, 1)).isInstanceOf(EOFException.class);
    }

    @Test
    void closingWakesABlockedReader() throws Exception {
        CompletableFuture<Throwable> reader = CompletableFuture.supplyAsync(() -> {
            try {
                while (true) {
                    peer.read(new byte[8], 0, 8, 5_000);
                }
            } catch (IOException e) {
                return e;
            }
        });
        Thread.sleep(50);
        long start = System.nanoTime();
        peer.close();
        assertThat(reader.get(2, TimeUnit.SECONDS)).isInstanceOf(IOException.class);
        assertThat((System.nanoTime() - start) / 1_000_000).isLessThan(1000);
    }

    @Test
    void connectingToAPortNobodyListensOnFails() throws IOException {
        InetSocketAddress address;
        try (ServerSocketChannel gone = ServerSocketChannel.open()) {
            gone.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
            address = (InetSocketAddress) gone.getLocalAddress();
        }
        assertThatThrownBy(() -> TcpTransport.connect(address, 500)).isInstanceOf(ConnectException.class);
    }
}
