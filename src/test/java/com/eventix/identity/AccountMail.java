package com.eventix.identity;

import static org.assertj.core.api.Assertions.assertThat;

import com.eventix.testing.Mailbox;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The verification and reset tokens Eventix mails, read from the suite's SMTP server. */
final class AccountMail {
    static final String WELCOME = "Welcome to Eventix";
    static final String VERIFY = "Confirm your email address";
    static final String RESET = "Reset your Eventix password";
    private static final Pattern TOKEN = Pattern.compile("[?&]token=([A-Za-z0-9_-]{43})");

    private AccountMail() {
    }

    /** The token in the {@code nth} (1-based) message to {@code email} whose subject contains {@code subject}. */
    static String token(String email, String subject, int nth) throws Exception {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
        List<MimeMessage> messages = Mailbox.to(email, subject);
        while (messages.size() < nth && Instant.now().isBefore(deadline)) {
            Thread.sleep(200);
            messages = Mailbox.to(email, subject);
        }
        assertThat(messages).as("mail '" + subject + "' to " + email).hasSizeGreaterThanOrEqualTo(nth);
        Object content = messages.get(nth - 1).getContent();
        Matcher m = TOKEN.matcher(content.toString());
        assertThat(m.find()).as("a token link in: " + content).isTrue();
        return m.group(1);
    }

    /** The link (path and query) of the first message to {@code email} whose subject contains {@code subject}. */
    static String linkPath(String email, String subject) throws Exception {
        String token = token(email, subject);
        Matcher m = Pattern.compile("https?://[^/\\s]+(/\\S*[?&]token=" + token + ")")
                .matcher(Mailbox.to(email, subject).get(0).getContent().toString());
        assertThat(m.find()).as("a link to a page with the token").isTrue();
        return m.group(1);
    }

    static String token(String email, String subject) throws Exception {
        return token(email, subject, 1);
    }
}
