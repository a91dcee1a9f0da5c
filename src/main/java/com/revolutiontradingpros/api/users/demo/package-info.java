/** Demo users for the admin UI and benchmarks (--seed-demo). */
@NullMarked
package com.revolutiontradingpros.api.users.demo;

import org.jspecify.annotations.NullMarked;
