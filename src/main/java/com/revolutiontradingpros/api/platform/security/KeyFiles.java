package com.revolutiontradingpros.api.platform.security;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.HexFormat;

/** Random secret keys made on first start and kept in the data folder, so they survive restarts. */
public final class KeyFiles {

    private KeyFiles() {
    }

    /** The key in {@code <dataDir>/keys/<name>}, created with {@code bytes} random bytes when missing. */
    public static byte[] loadOrCreate(Path dataDir, String name, int bytes) {
        Path file = dataDir.resolve("keys").resolve(name);
        try {
            if (Files.exists(file)) {
                return HexFormat.of().parseHex(Files.readString(file).trim());
            }
            Files.createDirectories(file.getParent());
            byte[] key = new byte[bytes];
            new SecureRandom().nextBytes(key);
            Files.writeString(file, HexFormat.of().formatHex(key));
            restrictToOwner(file);
            return key;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read or create " + file, e);
        }
    }

    /** Makes a key file readable by its owner only, where the file system has POSIX permissions. */
    static void restrictToOwner(Path file) {
        try {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException | IOException ignored) {
            // Not a POSIX file system: the data folder's own permissions protect the key.
        }
    }
}
