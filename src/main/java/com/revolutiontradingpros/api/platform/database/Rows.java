package com.revolutiontradingpros.api.platform.database;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;

import org.jspecify.annotations.Nullable;

/** Reading nullable columns in row mappers, where JDBC has no direct form for them. */
public final class Rows {

    private Rows() {
    }

    /** A timestamptz column as an instant; null when the column is null. */
    public static @Nullable Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp timestamp = rs.getTimestamp(column);
        return timestamp == null ? null : timestamp.toInstant();
    }
}
