package com.eventix.events.control.banners;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.eventix.platform.api.ApiException;
import com.eventix.platform.api.ErrorCode;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Random;
import java.util.zip.CRC32;
import javax.imageio.ImageIO;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class BannerImagesTest {
    private static final long DEFAULT_MAX_BYTES = 5_242_880;

    private final BannerImages images = new BannerImages();

    @BeforeEach
    void configure() {
        images.maxBytes = DEFAULT_MAX_BYTES;
    }

    @Test
    void acceptsARealPng() {
        byte[] png = encode(picture(320, 100), "png");

        BannerImage image = images.validate("image/png", png);

        assertThat(image.contentType()).isEqualTo("image/png");
        assertThat(image.extension()).isEqualTo("png");
        assertThat(image.width()).isEqualTo(320);
        assertThat(image.height()).isEqualTo(100);
        assertThat(image.bytes()).isEqualTo(png);
    }

    @Test
    void acceptsARealJpegWhateverTheCaseAndParametersOfItsContentType() {
        byte[] jpeg = encode(picture(64, 48), "jpeg");

        BannerImage image = images.validate("Image/JPEG; charset=binary", jpeg);

        assertThat(image.contentType()).isEqualTo("image/jpeg");
        assertThat(image.extension()).isEqualTo("jpg");
        assertThat(image.width()).isEqualTo(64);
        assertThat(image.height()).isEqualTo(48);
    }

    @Test
    void refusesDeclaredTypesOtherThanPngAndJpeg() {
        byte[] png = encode(picture(10, 10), "png");
        for (String declared : new String[] {"image/gif", "image/webp", "text/plain", "application/octet-stream",
                "image/jpg", "", null}) {
            assertRefused(() -> images.validate(declared, png), ErrorCode.UNSUPPORTED_IMAGE_TYPE, 415);
        }
    }

    @Test
    void refusesAPngDeclaredAsJpegAndTheReverse() {
        ApiException renamed = assertRefused(
                () -> images.validate("image/jpeg", encode(picture(10, 10), "png")), ErrorCode.INVALID_IMAGE, 400);
        assertThat(renamed.details()).containsEntry("detectedType", "image/png")
                .containsEntry("contentType", "image/jpeg");

        assertRefused(() -> images.validate("image/png", encode(picture(10, 10), "jpeg")),
                ErrorCode.INVALID_IMAGE, 400);
    }

    @Test
    void refusesRandomBytesLabelledPng() {
        byte[] noise = new byte[4096];
        new Random(42).nextBytes(noise);
        noise[0] = 0; // no accidental signature

        assertRefused(() -> images.validate("image/png", noise), ErrorCode.INVALID_IMAGE, 400);
    }

    @Test
    void refusesAGifEvenWhenLabelledPng() {
        byte[] gif = encode(picture(10, 10), "gif");
        assertThat(new String(gif, 0, 6, StandardCharsets.US_ASCII)).startsWith("GIF8");

        ApiException e = assertRefused(() -> images.validate("image/png", gif), ErrorCode.UNSUPPORTED_IMAGE_TYPE, 415);
        assertThat(e.details()).containsEntry("detectedType", "image/gif");
        assertRefused(() -> images.validate("image/gif", gif), ErrorCode.UNSUPPORTED_IMAGE_TYPE, 415);
    }

    @Test
    void refusesAPayloadOverTheConfiguredLimit() {
        byte[] oversize = Arrays.copyOf(encode(picture(10, 10), "png"), (int) DEFAULT_MAX_BYTES + 1);

        ApiException e = assertRefused(() -> images.validate("image/png", oversize), ErrorCode.IMAGE_TOO_LARGE, 413);
        assertThat(e.details()).containsEntry("maxBytes", DEFAULT_MAX_BYTES);
    }

    @Test
    void theLimitIsInclusive() {
        byte[] png = encode(picture(200, 200), "png");
        images.maxBytes = png.length;
        assertThat(images.validate("image/png", png).width()).isEqualTo(200);

        images.maxBytes = png.length - 1;
        assertRefused(() -> images.validate("image/png", png), ErrorCode.IMAGE_TOO_LARGE, 413);
    }

    @Test
    void refusesAnEmptyBody() {
        assertRefused(() -> images.validate("image/png", new byte[0]), ErrorCode.INVALID_IMAGE, 400);
        assertRefused(() -> images.validate("image/jpeg", null), ErrorCode.INVALID_IMAGE, 400);
    }

    @Test
    void refusesImagesBeyondTheDimensionLimit() {
        int max = BannerImages.MAX_DIMENSION;
        assertThat(images.validate("image/png", encode(picture(max, 1), "png")).width()).isEqualTo(max);

        ApiException wide = assertRefused(() -> images.validate("image/png", encode(picture(max + 1, 1), "png")),
                ErrorCode.INVALID_IMAGE, 400);
        assertThat(wide.details()).containsEntry("width", max + 1);
        assertRefused(() -> images.validate("image/jpeg", encode(picture(1, max + 1), "jpeg")),
                ErrorCode.INVALID_IMAGE, 400);
    }

    @Test
    void refusesAHeaderClaimingAHugeImageBeforeDecodingIt() {
        // 60000 x 60000 RGBA would need over 13 GB once decoded; the header alone must be enough to refuse it.
        byte[] bomb = pngHeaderOnly(60_000, 60_000);

        ApiException e = assertRefused(() -> images.validate("image/png", bomb), ErrorCode.INVALID_IMAGE, 400);
        assertThat(e.details()).containsEntry("width", 60_000);
    }

    @Test
    void refusesTruncatedImages() {
        byte[] png = encode(noise(300, 200), "png");
        byte[] jpeg = encode(noise(300, 200), "jpeg");

        assertRefused(() -> images.validate("image/png", Arrays.copyOf(png, png.length / 2)),
                ErrorCode.INVALID_IMAGE, 400);
        assertRefused(() -> images.validate("image/jpeg", Arrays.copyOf(jpeg, jpeg.length / 2)),
                ErrorCode.INVALID_IMAGE, 400);
    }

    @Test
    void decodesALargeImageWithinTheLimits() {
        byte[] jpeg = encode(picture(4000, 3000), "jpeg");

        BannerImage image = images.validate("image/jpeg", jpeg);

        assertThat(image.width()).isEqualTo(4000);
        assertThat(image.height()).isEqualTo(3000);
    }

    private static ApiException assertRefused(ThrowingCallable call, ErrorCode code, int status) {
        ApiException[] thrown = new ApiException[1];
        assertThatThrownBy(call).isInstanceOfSatisfying(ApiException.class, e -> {
            assertThat(e.code()).isEqualTo(code);
            assertThat(e.code().status()).isEqualTo(status);
            thrown[0] = e;
        });
        return thrown[0];
    }

    /** A validated banner, as the storage adapters receive it. */
    static BannerImage banner(String contentType, int width, int height) {
        BannerImages images = new BannerImages();
        images.maxBytes = DEFAULT_MAX_BYTES;
        String format = contentType.substring("image/".length());
        return images.validate(contentType, encode(picture(width, height), format));
    }

    static BufferedImage picture(int width, int height) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setColor(new Color(0x1E88E5));
        g.fillRect(0, 0, width, height);
        g.setColor(Color.ORANGE);
        g.fillOval(0, 0, Math.max(1, width / 2), Math.max(1, height / 2));
        g.dispose();
        return image;
    }

    private static BufferedImage noise(int width, int height) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Random random = new Random(7);
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                image.setRGB(x, y, random.nextInt(0x1000000));
            }
        }
        return image;
    }

    static byte[] encode(BufferedImage image, String format) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            if (!ImageIO.write(image, format, out)) {
                throw new IllegalStateException("no ImageIO writer for " + format);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /** A PNG signature and a valid IHDR chunk, and nothing else. */
    private static byte[] pngHeaderOnly(int width, int height) {
        ByteBuffer ihdr = ByteBuffer.allocate(4 + 13);
        ihdr.put("IHDR".getBytes(StandardCharsets.US_ASCII)).putInt(width).putInt(height)
                .put((byte) 8).put((byte) 6).put((byte) 0).put((byte) 0).put((byte) 0);
        CRC32 crc = new CRC32();
        crc.update(ihdr.array());
        ByteBuffer png = ByteBuffer.allocate(8 + 4 + 17 + 4);
        png.put(new byte[] {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A})
                .putInt(13).put(ihdr.array()).putInt((int) crc.getValue());
        return png.array();
    }
}
