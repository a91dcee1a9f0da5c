package com.revolutiontradingpros.api.users;

import static com.revolutiontradingpros.api.support.Problems.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.Test;

import com.revolutiontradingpros.api.support.ApiTest;
import com.revolutiontradingpros.api.support.Http;

class AvatarTest extends ApiTest {

    private static byte[] image(String format, int width, int height) throws Exception {
        var image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        var graphics = image.createGraphics();
        graphics.setColor(Color.ORANGE);
        graphics.fillRect(0, 0, width, height);
        graphics.dispose();
        var out = new ByteArrayOutputStream();
        ImageIO.write(image, format, out);
        return out.toByteArray();
    }

    @Test
    void uploadMakesSquareThumbnailsAndRemoveDeletesThem() throws Exception {
        Http me = signUp("Pic").client();
        var uploaded = me.send("PUT", "/me/avatar", null, (byte[]) null);
        assertThat(uploaded.status()).isIn(400, 415, 422);

        var response = putFile(me, "photo.png", "image/png", image("png", 600, 300));
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        String large = response.json().get("avatar").get("large").asString();
        var thumbnail = http.get(large.substring(large.indexOf("/media/files/")));
        assertThat(thumbnail.status()).isEqualTo(200);
        var decoded = ImageIO.read(new ByteArrayInputStream(thumbnail.bytes()));
        assertThat(decoded.getWidth()).isEqualTo(256);
        assertThat(decoded.getHeight()).isEqualTo(256);
        assertThat(me.get("/me").json().get("avatar").get("small").asString()).contains("-64.png");

        assertThat(putFile(me, "photo.jpg", "image/jpeg", image("jpg", 100, 120)).status()).isEqualTo(200);
        assertProblem(putFile(me, "fake.png", "image/png", "not an image at all".getBytes()), 422, "validation_failed");
        assertProblem(putFile(me, "wide.png", "image/png", image("png", 9000, 2)), 422, "validation_failed");
        assertProblem(putFile(me, "huge.png", "image/png", new byte[6 * 1024 * 1024]), 422, "validation_failed");

        assertThat(me.delete("/me/avatar").status()).isEqualTo(204);
        assertThat(me.get("/me").json().get("avatar").isNull()).isTrue();
        assertProblem(me.delete("/me/avatar"), 404, "not_found");
        assertProblem(http.delete("/me/avatar"), 401, "unauthenticated");
    }

    private static com.revolutiontradingpros.api.support.Response putFile(Http client, String name, String type, byte[] bytes) {
        return client.sendFile("PUT", "/me/avatar", "file", name, type, bytes);
    }
}
