package com.eventix.events.control.banners;

import com.eventix.platform.api.ApiException;
import com.eventix.platform.api.ErrorCode;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javax.imageio.ImageIO;
import javax.imageio.ImageReadParam;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;
import javax.imageio.stream.MemoryCacheImageInputStream;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Decides whether an uploaded banner is acceptable. The content's own signature decides what it is, not the
 * client's Content-Type, and the image must decode completely: a renamed or truncated file is refused here
 * rather than shown broken on the event page.
 */
@ApplicationScoped
public class BannerImages {
    public static final String PNG = "image/png";
    public static final String JPEG = "image/jpeg";
    static final int MIN_DIMENSION = 1;
    static final int MAX_DIMENSION = 10_000;
    // Decoding is checked on a subsampled raster of about this many pixels: the whole stream is still read,
    // but a 10000 x 10000 banner costs a few MB instead of 400 MB of heap.
    private static final long DECODE_PIXEL_BUDGET = 1_000_000;
    private static final List<String> ALLOWED = List.of(PNG, JPEG);

    @Inject
    @ConfigProperty(name = "BANNER_MAX_BYTES")
    long maxBytes;

    /** The upload limit; readers stop one byte past it, so an oversize body is never buffered whole. */
    public long maxBytes() {
        return maxBytes;
    }

    public BannerImage validate(String declaredContentType, byte[] bytes) {
        String declared = mediaType(declaredContentType);
        if (!ALLOWED.contains(declared)) {
            throw new ApiException(ErrorCode.UNSUPPORTED_IMAGE_TYPE, "Banner images must be PNG or JPEG",
                    Map.of("contentType", declared, "allowed", ALLOWED));
        }
        if (bytes == null || bytes.length == 0) {
            throw invalid("The image is empty", Map.of());
        }
        if (bytes.length > maxBytes) {
            throw new ApiException(ErrorCode.IMAGE_TOO_LARGE,
                    "Banner images may have at most " + maxBytes + " bytes",
                    Map.of("maxBytes", maxBytes, "size", bytes.length));
        }
        String detected = sniff(bytes);
        if (detected == null) {
            throw invalid("The content is not a PNG or JPEG image", Map.of("contentType", declared));
        }
        if (!ALLOWED.contains(detected)) {
            throw new ApiException(ErrorCode.UNSUPPORTED_IMAGE_TYPE,
                    "The content is " + detected + "; banner images must be PNG or JPEG",
                    Map.of("contentType", declared, "detectedType", detected, "allowed", ALLOWED));
        }
        if (!detected.equals(declared)) {
            throw invalid("The content is " + detected + ", not " + declared + " as declared",
                    Map.of("contentType", declared, "detectedType", detected));
        }
        int[] size = decode(bytes, detected);
        return new BannerImage(bytes, detected, PNG.equals(detected) ? "png" : "jpg", size[0], size[1]);
    }

    /** "IMAGE/PNG; charset=x" is image/png; a missing header is the empty type. */
    private static String mediaType(String contentType) {
        if (contentType == null) {
            return "";
        }
        int semicolon = contentType.indexOf(';');
        String type = semicolon < 0 ? contentType : contentType.substring(0, semicolon);
        return type.trim().toLowerCase(Locale.ROOT);
    }

    /**
     * The type a file's leading bytes prove. Other image formats are recognised too, so that a GIF is answered
     * as an unsupported type while unrecognisable bytes are answered as an invalid image.
     */
    static String sniff(byte[] b) {
        if (startsWith(b, 0, 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A)) {
            return PNG;
        }
        if (startsWith(b, 0, 0xFF, 0xD8, 0xFF)) {
            return JPEG;
        }
        if (startsWith(b, 0, 'G', 'I', 'F', '8')) {
            return "image/gif";
        }
        if (startsWith(b, 0, 'R', 'I', 'F', 'F') && startsWith(b, 8, 'W', 'E', 'B', 'P')) {
            return "image/webp";
        }
        if (startsWith(b, 0, 'I', 'I', 0x2A, 0x00) || startsWith(b, 0, 'M', 'M', 0x00, 0x2A)) {
            return "image/tiff";
        }
        if (startsWith(b, 0, 'B', 'M') && b.length >= 26) {
            return "image/bmp";
        }
        if (startsWith(b, 4, 'f', 't', 'y', 'p', 'a', 'v', 'i', 'f')) {
            return "image/avif";
        }
        if (startsWith(b, 4, 'f', 't', 'y', 'p', 'h', 'e', 'i')) {
            return "image/heic";
        }
        return null;
    }

    private static boolean startsWith(byte[] bytes, int offset, int... signature) {
        if (bytes.length < offset + signature.length) {
            return false;
        }
        for (int i = 0; i < signature.length; i++) {
            if ((bytes[offset + i] & 0xFF) != signature[i]) {
                return false;
            }
        }
        return true;
    }

    /** Width and height, once the whole image has decoded without error or warning. */
    private static int[] decode(byte[] bytes, String type) {
        Iterator<ImageReader> readers = ImageIO.getImageReadersByMIMEType(type);
        if (!readers.hasNext()) {
            throw new IllegalStateException("The JDK has no ImageIO reader for " + type);
        }
        ImageReader reader = readers.next();
        // The JPEG reader reports truncated or corrupt data as warnings and fills in grey; those are failures here.
        List<String> warnings = new ArrayList<>();
        reader.addIIOReadWarningListener((source, warning) -> warnings.add(warning));
        try (ImageInputStream in = new MemoryCacheImageInputStream(new ByteArrayInputStream(bytes))) {
            reader.setInput(in, true, true);
            int width = reader.getWidth(0);
            int height = reader.getHeight(0);
            // Checked from the header, before any pixel is decoded: a small file may claim a huge image.
            if (width < MIN_DIMENSION || height < MIN_DIMENSION || width > MAX_DIMENSION || height > MAX_DIMENSION) {
                throw invalid("Banner images must be between " + MIN_DIMENSION + " and " + MAX_DIMENSION
                        + " pixels wide and high", Map.of("width", width, "height", height,
                                "maxDimension", MAX_DIMENSION));
            }
            ImageReadParam param = reader.getDefaultReadParam();
            int step = (int) Math.ceil(Math.sqrt((double) width * height / DECODE_PIXEL_BUDGET));
            if (step > 1) {
                param.setSourceSubsampling(step, step, 0, 0);
            }
            // A raster skips colour conversion, so CMYK JPEGs (which the reader cannot turn into RGB) pass.
            if (reader.canReadRaster()) {
                reader.readRaster(0, param);
            } else {
                reader.read(0, param);
            }
            if (!warnings.isEmpty()) {
                throw invalid("The image is damaged: " + warnings.get(0), Map.of());
            }
            return new int[] {width, height};
        } catch (ApiException e) {
            throw e;
        } catch (IOException | RuntimeException e) {
            // The JDK readers throw assorted runtime exceptions on malformed input, not only IIOException.
            throw invalid("The image cannot be decoded", Map.of());
        } finally {
            reader.dispose();
        }
    }

    private static ApiException invalid(String message, Map<String, Object> details) {
        return new ApiException(ErrorCode.INVALID_IMAGE, message, details);
    }
}
