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
            try {
                Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
            } catch (UnsupportedOperationException ignored) {
                // Not a POSIX filesystem: the data folder's own permissions protect it.
            }
            return key;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read or create " + file, e);
        }
    }
}
