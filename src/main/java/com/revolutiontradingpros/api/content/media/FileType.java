package com.revolutiontradingpros.api.content.media;

/** What the bytes of a file are: its media type, the library's kind and the extension its key gets. */
public record FileType(String mime, String kind, String extension) {

    public boolean isImage() {
        return kind.equals("image");
    }

    /** Images the library can decode, resize and strip; SVG and AVIF are stored as they come. */
    public boolean isRaster() {
        return switch (mime) {
            case "image/jpeg", "image/png", "image/gif", "image/webp" -> true;
            default -> false;
        };
    }
}
