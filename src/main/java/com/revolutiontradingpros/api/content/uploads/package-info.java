/** Direct uploads to the object store (presigned single PUT or multipart), shared by media and videos. */
@NullMarked
package com.revolutiontradingpros.api.content.uploads;

import org.jspecify.annotations.NullMarked;
