/** Post bodies: the allow-list sanitiser and what is derived from a body (text, words, reading time, toc, teaser). */
@NullMarked
package com.revolutiontradingpros.api.content.html;

import org.jspecify.annotations.NullMarked;
