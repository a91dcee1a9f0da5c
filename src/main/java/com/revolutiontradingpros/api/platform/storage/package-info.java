/**
 * Object storage: one port, {@link com.revolutiontradingpros.api.platform.storage.ObjectStorage}, with a local
 * filesystem adapter (the embedded default, URLs signed with HMAC and served by the app) and an S3 adapter
 * (AWS, Cloudflare R2, MinIO; presigned URLs).
 */
@NullMarked
package com.revolutiontradingpros.api.platform.storage;

import org.jspecify.annotations.NullMarked;
