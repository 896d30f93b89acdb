package dev.metapilot.agent.trust;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * The detached signature of a model file, kept beside it as {@code FILE.sig}: an Ed25519 signature over the file's
 * SHA-256, with the signing key's id. Text format, one {@code key: value} per line after the first:
 *
 * <pre>
 * metapilot-signature/1
 * key: 3f2a9c0b1d4e5f60
 * sha256: 9b1c...
 * signature: base64...
 * </pre>
 *
 * @param keyId id of the signing key ({@link KeyFiles#id})
 * @param sha256 hex SHA-256 of the signed file
 * @param signature Ed25519 signature of the 32 digest bytes
 */
public record DetachedSignature(String keyId, String sha256, byte[] signature) {

    static final String HEADER = "metapilot-signature/1";

    public DetachedSignature {
        Objects.requireNonNull(keyId, "keyId is null");
        Objects.requireNonNull(sha256, "sha256 is null");
        Objects.requireNonNull(signature, "signature is null");
    }

    /** Where the signature of {@code model} lives. */
    public static Path fileFor(Path model) {
        return model.resolveSibling(model.getFileName() + ".sig");
    }

    /** Signs {@code bytes} with {@code key}, whose public half has id {@code keyId}. */
    public static DetachedSignature sign(byte[] bytes, PrivateKey key, String keyId) {
        byte[] digest = Sha256.digest(bytes);
        try {
            Signature s = Signature.getInstance("Ed25519");
            s.initSign(key);
            s.update(digest);
            return new DetachedSignature(keyId, HexFormat.of().formatHex(digest), s.sign());
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("cannot sign with this key: " + e.getMessage(), e);
        }
    }

    /** True when this signature is {@code key}'s signature of {@code bytes}. */
    public boolean verifies(byte[] bytes, PublicKey key) {
        byte[] digest = Sha256.digest(bytes);
        if (!HexFormat.of().formatHex(digest).equals(sha256)) {
            return false;
        }
        try {
            Signature s = Signature.getInstance("Ed25519");
            s.initVerify(key);
            s.update(digest);
            return s.verify(signature);
        } catch (GeneralSecurityException e) {
            return false;
        }
    }

    /** Writes {@code FILE.sig} next to {@code model} atomically. */
    public void writeFor(Path model) throws IOException {
        AtomicFile.write(fileFor(model), (HEADER + "\nkey: " + keyId + "\nsha256: " + sha256 + "\nsignature: "
                + Base64.getEncoder().encodeToString(signature) + "\n").getBytes(StandardCharsets.US_ASCII));
    }

    /**
     * Reads the signature of {@code model}.
     *
     * @throws IOException when it is missing or malformed, naming the file
     */
    public static DetachedSignature readFor(Path model) throws IOException {
        Path file = fileFor(model);
        if (!Files.isRegularFile(file)) {
            throw new IOException("model " + model + " is not signed (no " + file.getFileName() + ")");
        }
        String[] lines = Files.readString(file, StandardCharsets.US_ASCII).split("\n");
        if (lines.length < 4 || !lines[0].strip().equals(HEADER)) {
            throw new IOException(file + " is not a " + HEADER + " signature file");
        }
        Map<String, String> fields = new LinkedHashMap<>();
        for (int i = 1; i < lines.length; i++) {
            int colon = lines[i].indexOf(':');
            if (colon > 0) {
                fields.put(lines[i].substring(0, colon).strip(), lines[i].substring(colon + 1).strip());
            }
        }
        for (String k : new String[]{"key", "sha256", "signature"}) {
            if (!fields.containsKey(k)) {
                throw new IOException(file + " has no '" + k + "' line");
            }
        }
        try {
            return new DetachedSignature(fields.get("key"), fields.get("sha256"), Base64.getDecoder().decode(fields
                    .get("signature")));
        } catch (IllegalArgumentException e) {
            throw new IOException(file + " has a malformed signature: " + e.getMessage(), e);
        }
    }
}
