package dev.metapilot.sim.train;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.CRC32;

/**
 * Reads and writes {@link Checkpoint}s: a binary file (magic, format version, the checkpoint, CRC-32 of all of it)
 * written to {@code checkpoint.bin.tmp} in the same directory, forced to disk and renamed over the previous one with
 * {@code ATOMIC_MOVE}, so a crash (even SIGKILL in the middle of a write) leaves either the old or the new checkpoint,
 * never a torn one, and at most one stale temporary file, which the next write replaces. A damaged file is refused with
 * a message that says so; a checkpoint of another configuration is refused naming every setting that differs. Used on
 * the trainer's main thread.
 */
final class CheckpointFile {

    /** The checkpoint's name inside a run directory. */
    static final String NAME = "checkpoint.bin";

    private static final int MAGIC = 0x4D50434B; // "MPCK"
    private static final int VERSION = 1;

    private CheckpointFile() {}

    /** Writes {@code checkpoint} to {@code file} atomically. */
    static void write(Path file, Checkpoint checkpoint) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeInt(MAGIC);
            out.writeInt(VERSION);
            writeBody(out, checkpoint);
        }
        CRC32 crc = new CRC32();
        crc.update(bytes.toByteArray());
        ByteBuffer trailer = ByteBuffer.allocate(8).putLong(crc.getValue());
        Path dir = file.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        // One fixed name: a write cut short by a crash leaves at most this file, which the next write replaces.
        Path tmp = dir.resolve(file.getFileName() + ".tmp");
        try {
            try (FileChannel channel = FileChannel.open(tmp, StandardOpenOption.CREATE,
                    StandardOpenOption.TRUNCATE_EXISTING, StandardOpenOption.WRITE)) {
                ByteBuffer body = ByteBuffer.wrap(bytes.toByteArray());
                while (body.hasRemaining()) {
                    channel.write(body);
                }
                trailer.flip();
                while (trailer.hasRemaining()) {
                    channel.write(trailer);
                }
                channel.force(true);
            }
            Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    /**
     * Reads a checkpoint.
     *
     * @throws TrainingException when the file is missing, not a checkpoint, of another format version, or damaged
     */
    static Checkpoint read(Path file) {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            throw new TrainingException("no checkpoint " + file + " to resume from");
        } catch (IOException e) {
            throw new TrainingException("cannot read checkpoint " + file + ": " + e, e);
        }
        if (bytes.length < 16 || ByteBuffer.wrap(bytes).getInt() != MAGIC) {
            throw new TrainingException("checkpoint " + file + " is not a metapilot checkpoint (" + bytes.length
                    + " bytes, no MPCK header)");
        }
        int version = ByteBuffer.wrap(bytes).getInt(4);
        if (version != VERSION) {
            throw new TrainingException("checkpoint " + file + " has format version " + version + ", this trainer "
                    + "reads version " + VERSION);
        }
        CRC32 crc = new CRC32();
        crc.update(bytes, 0, bytes.length - 8);
        long stored = ByteBuffer.wrap(bytes).getLong(bytes.length - 8);
        if (crc.getValue() != stored) {
            throw new TrainingException("checkpoint " + file + " is corrupt: its CRC-32 does not match its contents ("
                    + bytes.length + " bytes); resume from an intact copy or start a new run");
        }
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes, 8, bytes.length - 16))) {
            return readBody(in);
        } catch (EOFException e) {
            throw new TrainingException("checkpoint " + file + " is corrupt: it ends early", e);
        } catch (IOException | RuntimeException e) {
            throw new TrainingException("checkpoint " + file + " is corrupt: " + e.getMessage(), e);
        }
    }

    /**
     * Refuses a checkpoint of another configuration.
     *
     * @throws TrainingException naming each setting that differs, with both values
     */
    static void checkSameConfig(Path file, Map<String, String> saved, Map<String, String> current) {
        List<String> differences = new ArrayList<>();
        for (Map.Entry<String, String> e : current.entrySet()) {
            String was = saved.get(e.getKey());
            if (!e.getValue().equals(was)) {
                differences.add(e.getKey() + " (checkpoint: " + (was == null ? "absent" : was) + ", this run: " + e
                        .getValue() + ")");
            }
        }
        for (String key : saved.keySet()) {
            if (!current.containsKey(key)) {
                differences.add(key + " (checkpoint: " + saved.get(key) + ", this run: absent)");
            }
        }
        if (!differences.isEmpty()) {
            throw new TrainingException("checkpoint " + file + " belongs to another configuration; it differs in "
                    + String.join(", ", differences) + ". Resume with the checkpoint's settings or start a new run");
        }
    }

    private static void writeBody(DataOutputStream out, Checkpoint c) throws IOException {
        writeStrings(out, c.config());
        out.writeInt(c.update());
        out.writeLong(c.envSteps());
        out.writeLong(c.trials());
        out.writeDouble(c.wallSeconds());
        writeArrays(out, c.parameters());
        out.writeLong(c.adamSteps());
        writeArrays(out, c.adamFirst());
        writeArrays(out, c.adamSecond());
        out.writeLong(c.observationCount());
        writeDoubles(out, c.observationMean());
        writeDoubles(out, c.observationM2());
        out.writeLong(c.shuffleState());
        out.writeInt(c.slots().size());
        for (Checkpoint.Slot s : c.slots()) {
            out.writeLong(s.trial());
            out.writeLong(s.samplingState());
            writeFloats(out, s.actions());
        }
        writeFloats(out, c.hiddenState());
    }

    private static Checkpoint readBody(DataInputStream in) throws IOException {
        Map<String, String> config = readStrings(in);
        int update = in.readInt();
        long envSteps = in.readLong();
        long trials = in.readLong();
        double wall = in.readDouble();
        Map<String, float[]> parameters = readArrays(in);
        long adamSteps = in.readLong();
        Map<String, float[]> first = readArrays(in);
        Map<String, float[]> second = readArrays(in);
        long count = in.readLong();
        double[] mean = readDoubles(in);
        double[] m2 = readDoubles(in);
        long shuffle = in.readLong();
        int n = count(in.readInt());
        List<Checkpoint.Slot> slots = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            slots.add(new Checkpoint.Slot(in.readLong(), in.readLong(), readFloats(in)));
        }
        float[] hidden = readFloats(in);
        return new Checkpoint(config, update, envSteps, trials, wall, parameters, adamSteps, first, second, count,
                mean, m2, shuffle, slots, hidden);
    }

    private static void writeStrings(DataOutputStream out, Map<String, String> map) throws IOException {
        out.writeInt(map.size());
        for (Map.Entry<String, String> e : map.entrySet()) {
            out.writeUTF(e.getKey());
            out.writeUTF(e.getValue());
        }
    }

    private static Map<String, String> readStrings(DataInputStream in) throws IOException {
        int n = count(in.readInt());
        Map<String, String> map = new LinkedHashMap<>();
        for (int i = 0; i < n; i++) {
            map.put(in.readUTF(), in.readUTF());
        }
        return map;
    }

    private static void writeArrays(DataOutputStream out, Map<String, float[]> map) throws IOException {
        out.writeInt(map.size());
        for (Map.Entry<String, float[]> e : map.entrySet()) {
            out.writeUTF(e.getKey());
            writeFloats(out, e.getValue());
        }
    }

    private static Map<String, float[]> readArrays(DataInputStream in) throws IOException {
        int n = count(in.readInt());
        Map<String, float[]> map = new LinkedHashMap<>();
        for (int i = 0; i < n; i++) {
            map.put(in.readUTF(), readFloats(in));
        }
        return map;
    }

    private static void writeFloats(DataOutputStream out, float[] values) throws IOException {
        out.writeInt(values.length);
        for (float v : values) {
            out.writeFloat(v);
        }
    }

    private static float[] readFloats(DataInputStream in) throws IOException {
        float[] v = new float[count(in.readInt())];
        for (int i = 0; i < v.length; i++) {
            v[i] = in.readFloat();
        }
        return v;
    }

    private static void writeDoubles(DataOutputStream out, double[] values) throws IOException {
        out.writeInt(values.length);
        for (double v : values) {
            out.writeDouble(v);
        }
    }

    private static double[] readDoubles(DataInputStream in) throws IOException {
        double[] v = new double[count(in.readInt())];
        for (int i = 0; i < v.length; i++) {
            v[i] = in.readDouble();
        }
        return v;
    }

    private static int count(int n) throws IOException {
        if (n < 0 || n > 1 << 28) {
            throw new IOException("implausible length " + n);
        }
        return n;
    }
}
