package com.revolutiontradingpros.api.content.posts;

/** One entry of an import file, as the file's reader understood it. */
sealed interface ImportItem {

    /** The entry's number in the file and its slug or title, for the job's error list. */
    String label();

    record Readable(String label, ExchangedPost post) implements ImportItem {
    }

    /** An entry that cannot become a post (malformed); the job lists it as failed and goes on. */
    record Unreadable(String label, String message) implements ImportItem {
    }

    /** An entry that is not a post or page (a WordPress attachment, menu item or trashed post); counted as skipped. */
    record Ignored(String label) implements ImportItem {
    }

    /** The file as a whole cannot be read (not JSON or XML, or not an export); the job fails with this message. */
    final class UnreadableFile extends RuntimeException {
        UnreadableFile(String message) {
            super(message);
        }
    }
}
