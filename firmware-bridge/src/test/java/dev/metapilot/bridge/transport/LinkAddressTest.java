package dev.metapilot.bridge.transport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class LinkAddressTest {

    @Test
    void tcpAddressesParseAndPrintBack() {
        assertThat(LinkAddress.parse("tcp://127.0.0.1:7300")).isEqualTo(new TcpAddress("127.0.0.1", 7300));
        assertThat(LinkAddress.parse("tcp://robot.local:80/")).isEqualTo(new TcpAddress("robot.local", 80));
        LinkAddress v6 = LinkAddress.parse("tcp://[::1]:7300");
        assertThat(v6).isEqualTo(new TcpAddress("::1", 7300));
        assertThat(v6.uri()).isEqualTo("tcp://[::1]:7300");
        assertThat(LinkAddress.parse(v6.uri())).isEqualTo(v6);
    }

    @Test
    void serialAddressesParseWithOrWithoutABaudRate() {
        assertThat(LinkAddress.parse("serial:/dev/ttyAMA0?baud=115200")).isEqualTo(new SerialAddress("/dev/ttyAMA0",
                115200));
        assertThat(LinkAddress.parse("serial:/dev/ttyUSB0")).isEqualTo(new SerialAddress("/dev/ttyUSB0",
                SerialAddress.DEFAULT_BAUD));
        assertThat(LinkAddress.parse("serial:COM3?baud=921600")).isEqualTo(new SerialAddress("COM3", 921600));
        SerialAddress a = new SerialAddress("/dev/serial0", 460800);
        assertThat(a.uri()).isEqualTo("serial:/dev/serial0?baud=460800");
        assertThat(LinkAddress.parse(a.uri())).isEqualTo(a);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {"'' | link is empty", "7300 | no scheme",
            "udp://127.0.0.1:7300 | unknown scheme 'udp'", "tcp://127.0.0.1 | has no port",
            "tcp://:7300 | no valid host", "tcp://bad host:7300 | not a URI", "tcp://h:0 | port must be in",
            "tcp://h:70000 | port must be in", "tcp://h:7300/x | parts a TCP link does not take",
            "tcp://h:7300?nodelay=1 | parts a TCP link does not take", "tcp://me@h:7300 | parts a TCP link",
            "serial: | names no device", "serial:?baud=9600 | names no device",
            "serial:/dev/ttyS0?baud=fast | not a whole number", "serial:/dev/ttyS0?baud=10 | baud must be in",
            "serial:/dev/ttyS0?parity=even | unknown parameter 'parity'",
            "serial:/dev/ttyS0?baud=9600&baud=9600 | gives baud twice"})
    void badLinksAreRefusedWithTheReason(String uri, String reason) {
        assertThatThrownBy(() -> LinkAddress.parse(uri)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(reason);
    }

    @Test
    void errorsForAnUnknownSchemeListTheAcceptedForms() {
        assertThatThrownBy(() -> LinkAddress.parse("usb:0")).hasMessageContaining("tcp://HOST:PORT")
                .hasMessageContaining("serial:DEVICE[?baud=N]");
    }

    @Test
    void constructorsCheckTheirArguments() {
        assertThatThrownBy(() -> new TcpAddress(" ", 1)).hasMessageContaining("host");
        assertThatThrownBy(() -> new SerialAddress("/dev/tty S0", 9600)).hasMessageContaining("device");
        assertThatThrownBy(() -> new SerialAddress("/dev/ttyS0", 5_000_000)).hasMessageContaining("baud");
    }

    @Test
    void openingASerialPortThatDoesNotExistFailsNamingIt() {
        SerialAddress missing = new SerialAddress("/dev/metapilot-no-such-port", 115200);
        assertThatThrownBy(missing::connect).isInstanceOf(IOException.class).hasMessageContaining(
                "/dev/metapilot-no-such-port");
    }
}
