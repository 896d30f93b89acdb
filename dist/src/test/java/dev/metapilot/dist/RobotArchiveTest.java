package dev.metapilot.dist;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Opens the robot archive built in 'package' ({@code metapilot-robot-VERSION-linux-aarch64.tar.gz}) and checks what a
 * robot needs is in it, and what it must not carry is not: launcher, agent with the CPU ONNX Runtime and its
 * linux-aarch64 native library, robot and locomotion plugins, models matching SHA256SUMS, configs, systemd unit.
 */
class RobotArchiveTest {

    private static final String BASE = "metapilot/";
    private static final String ORT_JAR = "lib/onnxruntime-1.29.0.jar";
    private static final String ORT_AARCH64 = "ai/onnxruntime/native/linux-aarch64/libonnxruntime.so";
    private static final int ELF_MACHINE_AARCH64 = 183;

    /** One regular file of the archive: its path below {@code metapilot/}, mode bits and (small files) contents. */
    record Entry(String path, int mode, long size, byte[] content) {
        String text() {
            return new String(content, StandardCharsets.UTF_8);
        }
    }

    private static Path archive;
    private static Map<String, Entry> entries;
    private static List<String> ortJarEntries;
    private static int ortAarch64Machine;

    @BeforeAll
    static void readArchive() throws IOException {
        archive = Path.of(System.getProperty("metapilot.dist.archive", "target/missing.tar.gz"));
        assertThat(archive).as("the archive from 'package'").isRegularFile();
        entries = new LinkedHashMap<>();
        try (InputStream in = new GZIPInputStream(Files.newInputStream(archive), 1 << 16)) {
            TarReader.read(in, (name, mode, size, body) -> {
                assertThat(name).as("every entry is under " + BASE).startsWith(BASE);
                String path = name.substring(BASE.length());
                if (path.equals(ORT_JAR)) {
                    scanOrtJar(body);
                    entries.put(path, new Entry(path, mode, size, new byte[0]));
                } else {
                    entries.put(path,
                            new Entry(path, mode, size, size <= 16 << 20 ? body.readAllBytes() : new byte[0]));
                }
            });
        }
    }

    private static void scanOrtJar(InputStream body) throws IOException {
        ortJarEntries = new ArrayList<>();
        ZipInputStream zip = new ZipInputStream(body);
        for (ZipEntry e; (e = zip.getNextEntry()) != null;) {
            ortJarEntries.add(e.getName());
            if (e.getName().equals(ORT_AARCH64)) {
                byte[] header = zip.readNBytes(20);
                boolean elf = header.length == 20 && header[0] == 0x7f && header[1] == 'E' && header[2] == 'L'
                        && header[3] == 'F';
                ortAarch64Machine = elf ? (header[18] & 0xff) | (header[19] & 0xff) << 8 : -1;
            }
        }
    }

    private static List<String> lib() {
        return entries.keySet().stream().filter(p -> p.startsWith("lib/")).map(p -> p.substring(4)).toList();
    }

    @Test
    void archiveIsNamedForLinuxAarch64() {
        assertThat(archive.getFileName().toString()).matches("metapilot-robot-.+-linux-aarch64\\.tar\\.gz");
    }

    @Test
    void launchersAreExecutableScripts() {
        for (String launcher : List.of("bin/metapilot", "bin/metapilot-robot")) {
            Entry e = entries.get(launcher);
            assertThat(e).as(launcher).isNotNull();
            assertThat(e.mode() & 0111).as(launcher + " is executable (mode %o)", e.mode()).isEqualTo(0111);
            assertThat(e.text()).startsWith("#!/usr/bin/env bash\n").doesNotContain("\r");
        }
        assertThat(entries.get("bin/metapilot").text()).contains("dev.metapilot.agent.cli.Main", "lib/*",
                "min_java=21", "exec ");
        assertThat(entries.get("bin/metapilot-robot").text()).contains("trial --env robot", "exec ");
    }

    @Test
    void libHasTheAgentTheRobotPluginsAndTheCpuOnnxRuntime() {
        assertThat(lib()).anyMatch(j -> j.matches("metapilot-agent-.+\\.jar"))
                .anyMatch(j -> j.matches("metapilot-plugin-api-.+\\.jar"))
                .anyMatch(j -> j.matches("metapilot-plugin-robot-.+\\.jar"))
                .anyMatch(j -> j.matches("metapilot-plugin-locomotion-.+\\.jar"))
                .anyMatch(j -> j.matches("metapilot-firmware-bridge-.+\\.jar"))
                .anyMatch(j -> j.matches("pi4j-core-.+\\.jar"))
                .anyMatch(j -> j.matches("pi4j-plugin-gpiod-.+\\.jar"))
                .anyMatch(j -> j.matches("pi4j-plugin-linuxfs-.+\\.jar"))
                .anyMatch(j -> j.matches("jSerialComm-.+\\.jar"))
                .contains("onnxruntime-1.29.0.jar")
                .allMatch(j -> j.endsWith(".jar"));
    }

    @Test
    void libCarriesNoGpuBuildTrainerSimulatorOrTestPlugins() {
        assertThat(lib()).noneMatch(j -> j.contains("onnxruntime_gpu"))
                .noneMatch(j -> j.contains("pytorch") || j.contains("djl"))
                .noneMatch(j -> j.startsWith("metapilot-sim") || j.startsWith("metapilot-plugin-maze")
                        || j.startsWith("metapilot-plugin-bandit"))
                .noneMatch(j -> j.contains("pi4j-plugin-mock") || j.contains("-tests.jar"))
                .noneMatch(j -> j.startsWith("junit") || j.startsWith("assertj") || j.startsWith("jqwik"));
    }

    @Test
    void onnxRuntimeJarHasTheAarch64NativeLibrary() {
        assertThat(ortJarEntries).as(ORT_JAR + " entries").contains(ORT_AARCH64,
                "ai/onnxruntime/native/linux-aarch64/libonnxruntime4j_jni.so");
        assertThat(ortAarch64Machine).as("ELF e_machine of " + ORT_AARCH64 + " (183 = AArch64)")
                .isEqualTo(ELF_MACHINE_AARCH64);
    }

    @Test
    void modelsMatchTheirSha256Sums() throws NoSuchAlgorithmException {
        Entry sums = entries.get("models/SHA256SUMS");
        assertThat(sums).as("models/SHA256SUMS").isNotNull();
        Map<String, String> listed = new LinkedHashMap<>();
        for (String line : sums.text().split("\n")) {
            if (!line.isBlank()) {
                String[] parts = line.trim().split("\\s+\\*?", 2);
                listed.put(parts[1], parts[0]);
            }
        }
        assertThat(listed).isNotEmpty();
        List<String> onnx = entries.keySet().stream().filter(p -> p.startsWith("models/") && p.endsWith(".onnx"))
                .map(p -> p.substring("models/".length())).toList();
        assertThat(listed.keySet()).as("every shipped model is listed").containsAll(onnx);
        for (Map.Entry<String, String> m : listed.entrySet()) {
            Entry model = entries.get("models/" + m.getKey());
            assertThat(model).as("models/" + m.getKey() + " listed in SHA256SUMS").isNotNull();
            String actual = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(model.content()));
            assertThat(actual).as("SHA-256 of models/" + m.getKey()).isEqualTo(m.getValue());
        }
    }

    @Test
    void modelsAreTheRepositorysModels() throws IOException {
        Path repoModels = Path.of(System.getProperty("metapilot.dist.models", "../models"));
        assertThat(entries.get("models/SHA256SUMS").content())
                .isEqualTo(Files.readAllBytes(repoModels.resolve("SHA256SUMS")));
    }

    @Test
    void configHasTheRobotExamplesAndTheServiceSettings() {
        assertThat(entries).containsKeys("config/pins.json", "config/robot-bridge.conf", "config/robot-pi4j.conf",
                "config/robot-emulator.conf", "config/metapilot.env");
        assertThat(entries.get("config/robot-bridge.conf").text()).contains("link=serial:", "target-velocity=");
        assertThat(entries.get("config/metapilot.env").text()).contains("METAPILOT_ROBOT_CONF=", "METAPILOT_POLICY=",
                "METAPILOT_LOG_DIR=");
    }

    @Test
    void systemdUnitStopsTheAgentSafely() {
        Entry unit = entries.get("systemd/metapilot.service");
        assertThat(unit).as("systemd/metapilot.service").isNotNull();
        List<String> lines = unit.text().lines().map(String::strip).toList();
        assertThat(lines).contains("[Unit]", "[Service]", "[Install]", "KillSignal=SIGTERM",
                "EnvironmentFile=/etc/metapilot/metapilot.env", "ExecStart=/opt/metapilot/bin/metapilot-robot",
                "Restart=on-failure", "SuccessExitStatus=143", "User=metapilot")
                .anyMatch(l -> l.matches("TimeoutStopSec=\\d+"))
                .noneMatch(l -> l.equals("User=root"));
    }

    @Test
    void readmeExplainsCopyConfigureAndFirstTrial() {
        Entry readme = entries.get("README-robot.md");
        assertThat(readme).as("README-robot.md").isNotNull();
        assertThat(readme.text()).contains("## 1. Copy", "## 2. Configure", "## 3. First trial", "tar xzf",
                "sha256sum -c SHA256SUMS", "bin/metapilot trial --env robot", "systemctl stop metapilot");
    }

    /** A minimal reader of ustar/pax/GNU tar streams: regular files only, long names from pax or GNU headers. */
    static final class TarReader {

        interface Visitor {
            void file(String name, int mode, long size, InputStream body) throws IOException;
        }

        private TarReader() {}

        static void read(InputStream in, Visitor visitor) throws IOException {
            byte[] header = new byte[512];
            String longName = null;
            while (in.readNBytes(header, 0, 512) == 512) {
                if (isZero(header)) {
                    return;
                }
                String name = string(header, 0, 100);
                String prefix = string(header, 345, 155);
                if (!prefix.isEmpty() && "ustar".equals(string(header, 257, 5))) {
                    name = prefix + "/" + name;
                }
                int mode = (int) octal(header, 100, 8);
                long size = octal(header, 124, 12);
                char type = (char) header[156];
                long padded = (size + 511) / 512 * 512;
                if (type == 'x' || type == 'L') {
                    byte[] data = in.readNBytes((int) size);
                    in.skipNBytes(padded - size);
                    longName = type == 'L' ? string(data, 0, data.length) : paxPath(data, longName);
                    continue;
                }
                if (longName != null) {
                    name = longName;
                    longName = null;
                }
                if (type == '0' || type == '\0') {
                    BoundedStream body = new BoundedStream(in, size);
                    visitor.file(name, mode, size, body);
                    body.skipNBytes(body.remaining);
                    in.skipNBytes(padded - size);
                } else {
                    in.skipNBytes(padded);
                }
            }
        }

        private static String paxPath(byte[] data, String current) {
            for (String record : new String(data, StandardCharsets.UTF_8).split("\n")) {
                int space = record.indexOf(' ');
                if (space > 0 && record.startsWith("path=", space + 1)) {
                    return record.substring(space + 1 + "path=".length());
                }
            }
            return current;
        }

        private static boolean isZero(byte[] block) {
            for (byte b : block) {
                if (b != 0) {
                    return false;
                }
            }
            return true;
        }

        private static String string(byte[] b, int off, int len) {
            int end = off;
            while (end < off + len && b[end] != 0) {
                end++;
            }
            return new String(b, off, end - off, StandardCharsets.UTF_8);
        }

        private static long octal(byte[] b, int off, int len) {
            String s = string(b, off, len).trim();
            return s.isEmpty() ? 0 : Long.parseLong(s, 8);
        }
    }

    /** The body of one tar entry: reads at most its size from the archive stream, never closes it. */
    static final class BoundedStream extends InputStream {
        private final InputStream in;
        private long remaining;

        BoundedStream(InputStream in, long size) {
            this.in = in;
            this.remaining = size;
        }

        @Override
        public int read() throws IOException {
            if (remaining <= 0) {
                return -1;
            }
            int b = in.read();
            if (b >= 0) {
                remaining--;
            }
            return b;
        }

        @Override
        public int read(byte[] buf, int off, int len) throws IOException {
            if (remaining <= 0) {
                return -1;
            }
            int n = in.read(buf, off, (int) Math.min(len, remaining));
            if (n > 0) {
                remaining -= n;
            }
            return n;
        }

        @Override
        public void close() {
            // the archive stream stays open
        }
    }
}
