package se.lagesbild.api.release;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** A release file's SHA-256, kept beside it as {@code FILE.sha256} in sha256sum's format ({@code sha256sum -c} checks it). */
final class Checksums {
    private Checksums() {
    }

    static String sha256(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            byte[] buffer = new byte[1 << 16];
            for (int n; (n = in.read(buffer)) > 0; ) {
                digest.update(buffer, 0, n);
            }
            return HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("This Java has no SHA-256", e);
        }
    }

    static Path sidecar(Path file) {
        return file.resolveSibling(file.getFileName() + ".sha256");
    }

    static void writeSidecar(Path file, String sha256) throws IOException {
        Path partial = file.resolveSibling("." + file.getFileName() + ".sha256.partial"); // readable like the release, not a private temp file
        Files.writeString(partial, sha256 + "  " + file.getFileName() + "\n", StandardCharsets.UTF_8);
        Files.move(partial, sidecar(file), java.nio.file.StandardCopyOption.REPLACE_EXISTING, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
    }

    /** The checksum the sidecar states, or null when there is none. */
    static String stated(Path file) throws IOException {
        Path sidecar = sidecar(file);
        if (!Files.isRegularFile(sidecar)) {
            return null;
        }
        String text = Files.readString(sidecar, StandardCharsets.UTF_8).trim();
        int space = text.indexOf(' ');
        return (space < 0 ? text : text.substring(0, space)).toLowerCase(java.util.Locale.ROOT);
    }
}
