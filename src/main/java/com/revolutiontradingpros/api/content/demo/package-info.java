/** Demo content for the admin UI and benchmarks: what the seeding command needs to know in every content feature. */
@NullMarked
package com.revolutiontradingpros.api.content.demo;

import org.jspecify.annotations.NullMarked;
