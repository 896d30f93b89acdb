package dev.metapilot.agent.trust;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;
import java.util.HexFormat;

/**
 * Ed25519 key pairs in PEM files: {@code NAME.key} (PKCS#8, owner-only permissions) and {@code NAME.pub} (X.509), with
 * the JDK's own Ed25519. A key's id is the first 16 hex digits of the SHA-256 of its public encoding. Used by
 * {@code keygen}, {@code sign} and the trust store.
 */
public final class KeyFiles {

    private static final String PRIVATE = "PRIVATE KEY";
    private static final String PUBLIC = "PUBLIC KEY";

    private KeyFiles() {}

    /** A new key pair. */
    public static KeyPair generate() {
        try {
            return KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("this JDK has no Ed25519", e);
        }
    }

    /** Writes {@code dir/name.key} and {@code dir/name.pub}; never overwrites. */
    public static void write(KeyPair pair, Path dir, String name) throws IOException {
        Files.createDirectories(dir);
        Path key = dir.resolve(name + ".key");
        Files.writeString(key, pem(PRIVATE, pair.getPrivate().getEncoded()), StandardOpenOption.CREATE_NEW);
        try {
            Files.setPosixFilePermissions(key, PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException e) {
            // not a POSIX file system: the key keeps the directory's default permissions
        }
        Files.writeString(dir.resolve(name + ".pub"), pem(PUBLIC, pair.getPublic().getEncoded()),
                StandardOpenOption.CREATE_NEW);
    }

    /** Reads a private key written by {@link #write}. */
    public static PrivateKey readPrivate(Path file) throws IOException {
        try {
            return KeyFactory.getInstance("Ed25519").generatePrivate(new PKCS8EncodedKeySpec(unpem(file, PRIVATE)));
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new IOException(file + " is not an Ed25519 private key (" + e.getMessage() + ")", e);
        }
    }

    /** Reads a public key written by {@link #write}. */
    public static PublicKey readPublic(Path file) throws IOException {
        try {
            return KeyFactory.getInstance("Ed25519").generatePublic(new X509EncodedKeySpec(unpem(file, PUBLIC)));
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new IOException(file + " is not an Ed25519 public key (" + e.getMessage() + ")", e);
        }
    }

    /** The id of {@code key}: 16 hex digits of the SHA-256 of its encoding. */
    public static String id(PublicKey key) {
        return HexFormat.of().formatHex(Sha256.digest(key.getEncoded())).substring(0, 16);
    }

    private static String pem(String type, byte[] der) {
        return "-----BEGIN " + type + "-----\n" + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                .encodeToString(der) + "\n-----END " + type + "-----\n";
    }

    private static byte[] unpem(Path file, String type) throws IOException {
        String text = Files.readString(file, StandardCharsets.US_ASCII).strip();
        String begin = "-----BEGIN " + type + "-----";
        String end = "-----END " + type + "-----";
        if (!text.startsWith(begin) || !text.endsWith(end)) {
            throw new IOException(file + " is not a PEM '" + type + "' file");
        }
        return Base64.getMimeDecoder().decode(text.substring(begin.length(), text.length() - end.length()));
    }
}
