package com.eventix.tickets.control;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.BinaryBitmap;
import com.google.zxing.DecodeHintType;
import com.google.zxing.MultiFormatReader;
import com.google.zxing.NotFoundException;
import com.google.zxing.RGBLuminanceSource;
import com.google.zxing.Result;
import com.google.zxing.ResultMetadataType;
import com.google.zxing.common.HybridBinarizer;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

class QrImagesTest {
    private static final byte[] PNG_SIGNATURE = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};
    private static final int WHITE = 0xFFFFFFFF;

    private final QrImages images = new QrImages();
    private final String code = ticketCode();

    @Test
    void aTicketCodeDecodesBackExactly() throws Exception {
        byte[] png = images.png(code);

        assertThat(png).startsWith(PNG_SIGNATURE);
        BufferedImage image = read(png);
        assertThat(image.getWidth()).isEqualTo(QrImages.DEFAULT_SIZE);
        assertThat(image.getHeight()).isEqualTo(QrImages.DEFAULT_SIZE);
        Result result = decode(image);
        assertThat(result.getText()).isEqualTo(code);
        assertThat(result.getBarcodeFormat()).isEqualTo(BarcodeFormat.QR_CODE);
        assertThat(result.getResultMetadata()).containsEntry(ResultMetadataType.ERROR_CORRECTION_LEVEL, "M");
    }

    @Test
    void sizesAreClampedAndEveryClampedSizeStillDecodes() throws Exception {
        for (int[] requestedAndExpected : new int[][] {{10, 256}, {-5, 256}, {256, 256}, {600, 600}, {1024, 1024},
                {5000, 1024}}) {
            BufferedImage image = read(images.png(code, requestedAndExpected[0]));
            assertThat(image.getWidth()).as("requested %d", requestedAndExpected[0])
                    .isEqualTo(requestedAndExpected[1]);
            assertThat(image.getHeight()).isEqualTo(requestedAndExpected[1]);
            assertThat(decode(image).getText()).isEqualTo(code);
        }
        assertThat(QrImages.clamp(Integer.MIN_VALUE)).isEqualTo(QrImages.MIN_SIZE);
        assertThat(QrImages.clamp(Integer.MAX_VALUE)).isEqualTo(QrImages.MAX_SIZE);
    }

    @Test
    void theCodeIsSurroundedByAQuietZone() throws Exception {
        BufferedImage image = read(images.png(code, 400));
        int side = image.getWidth();
        // At least 4 modules of white; with ~53 modules in 400 px a module is 6 px, so 24 px is white.
        for (int i = 0; i < side; i++) {
            for (int d = 0; d < 24; d++) {
                assertThat(image.getRGB(i, d)).isEqualTo(WHITE);
                assertThat(image.getRGB(d, i)).isEqualTo(WHITE);
                assertThat(image.getRGB(i, side - 1 - d)).isEqualTo(WHITE);
                assertThat(image.getRGB(side - 1 - d, i)).isEqualTo(WHITE);
            }
        }
        assertThat(image.getRGB(side / 2, side / 2) == WHITE && image.getRGB(side / 3, side / 3) == WHITE
                && image.getRGB(side / 2, side / 3) == WHITE).as("the middle has dark modules").isFalse();
    }

    @Test
    void otherTextDecodesToo() throws Exception {
        assertThat(decode(read(images.png("Grüße aus Köln, 1 ticket"))).getText())
                .isEqualTo("Grüße aus Köln, 1 ticket");
    }

    private static BufferedImage read(byte[] png) throws IOException {
        return ImageIO.read(new ByteArrayInputStream(png));
    }

    private static Result decode(BufferedImage image) throws NotFoundException {
        int width = image.getWidth();
        int height = image.getHeight();
        int[] pixels = image.getRGB(0, 0, width, height, null, 0, width);
        BinaryBitmap bitmap = new BinaryBitmap(new HybridBinarizer(new RGBLuminanceSource(width, height, pixels)));
        // The PNG is the symbol alone: read as such. (ZXing's finder-pattern search misses about 1 in 60 of such
        // perfect synthetic images, whatever the quiet zone or error correction, so it would make this flaky.)
        return new MultiFormatReader().decode(bitmap, Map.of(
                DecodeHintType.POSSIBLE_FORMATS, List.of(BarcodeFormat.QR_CODE),
                DecodeHintType.PURE_BARCODE, Boolean.TRUE));
    }

    private static String ticketCode() {
        try {
            PrivateKey key = KeyPairGenerator.getInstance("Ed25519").generateKeyPair().getPrivate();
            return TicketCodes.issue(UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID(), 1, key);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
