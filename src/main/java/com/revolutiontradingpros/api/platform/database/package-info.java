/** The PostgreSQL connection pool: DATABASE_URL when set, else an embedded PostgreSQL under the data folder. */
@NullMarked
package com.revolutiontradingpros.api.platform.database;

import org.jspecify.annotations.NullMarked;
