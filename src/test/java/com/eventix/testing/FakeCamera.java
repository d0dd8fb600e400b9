package com.eventix.testing;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import javax.imageio.ImageIO;

/**
 * A camera for the browser tests: Chromium's fake capture device playing a still picture (an image centred on a
 * white 640x480 frame) from a Y4M file, as {@link #switches(Path)} tells it.
 */
public final class FakeCamera {
    private static final int WIDTH = 640;
    private static final int HEIGHT = 480;

    private FakeCamera() {
    }

    /** A video file under target/ that shows {@code png} (a QR code, say). */
    public static Path showing(byte[] png, String name) throws IOException {
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(png));
        BufferedImage frame = new BufferedImage(WIDTH, HEIGHT, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = frame.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, WIDTH, HEIGHT);
        int side = Math.min(image.getWidth(), HEIGHT - 40);
        g.drawImage(image, (WIDTH - side) / 2, (HEIGHT - side) / 2, side, side, null);
        g.dispose();
        // Full-range luma only; both chroma planes neutral (a grey picture).
        byte[] luma = new byte[WIDTH * HEIGHT];
        for (int y = 0; y < HEIGHT; y++) {
            for (int x = 0; x < WIDTH; x++) {
                int rgb = frame.getRGB(x, y);
                luma[y * WIDTH + x] = (byte) ((299 * (rgb >> 16 & 0xff) + 587 * (rgb >> 8 & 0xff) + 114 * (rgb & 0xff))
                        / 1000);
            }
        }
        byte[] chroma = new byte[WIDTH * HEIGHT / 4];
        Arrays.fill(chroma, (byte) 128);
        Path file = Path.of("target", "fake-camera", name + ".y4m");
        Files.createDirectories(file.getParent());
        try (OutputStream out = Files.newOutputStream(file)) {
            out.write(("YUV4MPEG2 W" + WIDTH + " H" + HEIGHT + " F10:1 Ip A1:1 C420jpeg\n").getBytes(StandardCharsets.US_ASCII));
            out.write("FRAME\n".getBytes(StandardCharsets.US_ASCII));
            out.write(luma);
            out.write(chroma);
            out.write(chroma);
        }
        return file;
    }

    /** Chromium's switches for a camera playing {@code video}, allowed without asking. */
    public static String[] switches(Path video) {
        return new String[] {"--use-fake-device-for-media-stream", "--use-fake-ui-for-media-stream",
                "--use-file-for-fake-video-capture=" + video.toAbsolutePath()};
    }
}
