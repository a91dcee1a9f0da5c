/** Site search: the documents of every module's public content, PostgreSQL full-text search over them, the query log. */
@NullMarked
package com.revolutiontradingpros.api.content.search;

import org.jspecify.annotations.NullMarked;
