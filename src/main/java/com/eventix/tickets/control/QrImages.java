package com.eventix.tickets.control;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.EncodeHintType;
import com.google.zxing.WriterException;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.qrcode.QRCodeWriter;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;
import jakarta.enterprise.context.ApplicationScoped;
import java.awt.image.BufferedImage;
import java.awt.image.WritableRaster;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.EnumMap;
import java.util.Map;
import javax.imageio.ImageIO;

/**
 * Renders a ticket code as a black-on-white QR code PNG: error correction level M (survives ~15% damage, a
 * creased printout or a cracked screen), a 4-module quiet zone, square, {@value #DEFAULT_SIZE} px unless asked
 * otherwise, clamped to {@value #MIN_SIZE}..{@value #MAX_SIZE}. Draws on a BufferedImage only, no display.
 */
@ApplicationScoped
public class QrImages {
    public static final int DEFAULT_SIZE = 400;
    /** A ticket code needs a version 9 symbol (53 modules + quiet zone): below 256 px a module gets under 4 px. */
    public static final int MIN_SIZE = 256;
    public static final int MAX_SIZE = 1024;
    private static final int QUIET_ZONE_MODULES = 4;

    static {
        // An explicit setting wins; otherwise a server without a display must not try to reach one.
        if (System.getProperty("java.awt.headless") == null) {
            System.setProperty("java.awt.headless", "true");
        }
    }

    public byte[] png(String payload) {
        return png(payload, DEFAULT_SIZE);
    }

    /**
     * The PNG of {@code payload}, {@code size} px square after clamping. A payload with more modules than
     * pixels yields a larger image, one pixel per module, rather than an unreadable one.
     */
    public byte[] png(String payload, int size) {
        int side = clamp(size);
        BitMatrix matrix;
        try {
            matrix = new QRCodeWriter().encode(payload, BarcodeFormat.QR_CODE, side, side, hints(payload));
        } catch (WriterException e) {
            throw new IllegalArgumentException("The payload does not fit in a QR code", e);
        }
        return encodePng(toImage(matrix));
    }

    private static Map<EncodeHintType, Object> hints(String payload) {
        Map<EncodeHintType, Object> hints = new EnumMap<>(EncodeHintType.class);
        hints.put(EncodeHintType.ERROR_CORRECTION, ErrorCorrectionLevel.M);
        hints.put(EncodeHintType.MARGIN, QUIET_ZONE_MODULES);
        // ASCII (every ticket code) goes without a character set header, which some older scanners misread.
        if (!StandardCharsets.US_ASCII.newEncoder().canEncode(payload)) {
            hints.put(EncodeHintType.CHARACTER_SET, StandardCharsets.UTF_8.name());
        }
        return hints;
    }

    public static int clamp(int size) {
        return Math.max(MIN_SIZE, Math.min(MAX_SIZE, size));
    }

    private static BufferedImage toImage(BitMatrix matrix) {
        // One bit per pixel: the PNG stays a few kilobytes. In this type's palette 0 is black and 1 white.
        BufferedImage image = new BufferedImage(matrix.getWidth(), matrix.getHeight(), BufferedImage.TYPE_BYTE_BINARY);
        WritableRaster raster = image.getRaster();
        for (int y = 0; y < matrix.getHeight(); y++) {
            for (int x = 0; x < matrix.getWidth(); x++) {
                raster.setSample(x, y, 0, matrix.get(x, y) ? 0 : 1);
            }
        }
        return image;
    }

    private static byte[] encodePng(BufferedImage image) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(4096);
        try {
            if (!ImageIO.write(image, "png", out)) {
                throw new IllegalStateException("No PNG writer in this JDK");
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}
