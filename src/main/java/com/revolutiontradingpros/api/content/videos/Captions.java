package com.revolutiontradingpros.api.content.videos;

import java.nio.charset.StandardCharsets;
import java.util.regex.Pattern;

import com.revolutiontradingpros.api.platform.web.ApiException;

/** Rule 32: caption files become WebVTT; SRT is converted, and a file without a single cue is refused. */
final class Captions {

    static final int MAX_BYTES = 2 * 1024 * 1024;
    /** BCP 47 in the shape browsers accept for track srclang: a language, then optional script, region and variants. */
    static final Pattern LANG = Pattern.compile("^[a-zA-Z]{2,3}(-[a-zA-Z]{4})?(-([a-zA-Z]{2}|[0-9]{3}))?(-([a-zA-Z0-9]{5,8}|[0-9][a-zA-Z0-9]{3}))*$");
    private static final Pattern CUE_TIMING = Pattern.compile(
            "^\\s*(\\d{1,3}:)?\\d{2}:\\d{2}\\.\\d{3}\\s*-->\\s*(\\d{1,3}:)?\\d{2}:\\d{2}\\.\\d{3}.*$", Pattern.MULTILINE);
    private static final Pattern SRT_TIME_COMMA = Pattern.compile("(\\d{2}:\\d{2}:\\d{2}),(\\d{3})");

    private Captions() {
    }

    /** The file as WebVTT: WebVTT as sent (it must begin with WEBVTT), SRT converted; 422 invalid_captions otherwise. */
    static String toWebVtt(byte[] bytes) {
        String text = new String(bytes, StandardCharsets.UTF_8).replace("\r\n", "\n").replace('\r', '\n');
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        String vtt;
        if (text.startsWith("WEBVTT")) {
            if (text.length() > 6 && !Character.isWhitespace(text.charAt(6))) {
                throw invalid("the file must begin with WEBVTT followed by a space or a new line");
            }
            vtt = text;
        } else {
            vtt = "WEBVTT\n\n" + SRT_TIME_COMMA.matcher(text.strip()).replaceAll("$1.$2") + "\n";
        }
        if (!CUE_TIMING.matcher(vtt).find()) {
            throw invalid("the file holds no cue: send WebVTT (beginning with WEBVTT) or SRT");
        }
        return vtt;
    }

    private static ApiException invalid(String message) {
        return ApiException.unprocessable("invalid_captions", "file", message);
    }

    static int cues(String vtt) {
        return (int) CUE_TIMING.matcher(vtt).results().count();
    }
}
