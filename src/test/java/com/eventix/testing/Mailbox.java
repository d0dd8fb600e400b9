package com.eventix.testing;

import com.icegreen.greenmail.util.GreenMailUtil;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/** The suite's SMTP server, read by recipient. */
public final class Mailbox {
    private Mailbox() {
    }

    public static List<MimeMessage> to(String recipient) {
        return Arrays.stream(SuiteServices.get().smtp.getReceivedMessages())
                .filter(m -> recipients(m).contains(recipient))
                .toList();
    }

    /** The messages to {@code recipient} whose subject contains {@code subjectPart}. */
    public static List<MimeMessage> to(String recipient, String subjectPart) {
        return to(recipient).stream().filter(m -> subject(m).contains(subjectPart)).toList();
    }

    /** Waits up to {@code timeout} for a message to {@code recipient}. */
    public static Optional<MimeMessage> await(String recipient, Duration timeout) throws InterruptedException {
        return await(recipient, "", timeout);
    }

    /** Waits up to {@code timeout} for a message to {@code recipient} whose subject contains {@code subjectPart}. */
    public static Optional<MimeMessage> await(String recipient, String subjectPart, Duration timeout)
            throws InterruptedException {
        Instant deadline = Instant.now().plus(timeout);
        while (Instant.now().isBefore(deadline)) {
            List<MimeMessage> messages = to(recipient, subjectPart);
            if (!messages.isEmpty()) {
                return Optional.of(messages.get(0));
            }
            Thread.sleep(200);
        }
        return Optional.empty();
    }

    public static String body(MimeMessage message) {
        return GreenMailUtil.getBody(message);
    }

    private static String subject(MimeMessage m) {
        try {
            return m.getSubject() == null ? "" : m.getSubject();
        } catch (MessagingException e) {
            return "";
        }
    }

    private static String recipients(MimeMessage m) {
        try {
            return Arrays.toString(m.getRecipients(Message.RecipientType.TO));
        } catch (MessagingException e) {
            return "";
        }
    }
}
