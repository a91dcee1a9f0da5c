package com.revolutiontradingpros.api.content;

/** Where content lives on the member website: the paths in events, feeds, search results and sitemaps. */
public final class ContentPaths {

    private ContentPaths() {
    }

    public static String post(String type, String slug) {
        return type.equals("page") ? "/" + slug : "/blog/" + slug;
    }

    public static String category(String slug) {
        return "/blog/category/" + slug;
    }

    public static String tag(String slug) {
        return "/blog/tag/" + slug;
    }

    public static String author(String slug) {
        return "/blog/author/" + slug;
    }

    public static String video(String slug) {
        return "/videos/" + slug;
    }
}
