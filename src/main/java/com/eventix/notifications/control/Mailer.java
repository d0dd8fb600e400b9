package com.eventix.notifications.control;

import java.util.Optional;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.mail.Authenticator;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.PasswordAuthentication;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.activation.DataHandler;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import jakarta.mail.util.ByteArrayDataSource;
import java.util.Base64;
import java.util.List;
import java.nio.charset.StandardCharsets;
import java.util.Date;
import java.util.Properties;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** SMTP through Jakarta Mail. Without SMTP_HOST (development) mails are written to the log instead. */
@ApplicationScoped
public class Mailer {
    private static final Logger LOG = Logger.getLogger(Mailer.class.getName());

    @Inject
    @ConfigProperty(name = "SMTP_HOST")
    Optional<String> host;
    @Inject
    @ConfigProperty(name = "SMTP_PORT")
    int port;
    @Inject
    @ConfigProperty(name = "SMTP_USER")
    Optional<String> user;
    @Inject
    @ConfigProperty(name = "SMTP_PASSWORD")
    Optional<String> password;
    @Inject
    @ConfigProperty(name = "SMTP_STARTTLS")
    boolean startTls;
    @Inject
    @ConfigProperty(name = "MAIL_FROM")
    String from;

    private Session session;

    @PostConstruct
    void init() {
        Properties props = new Properties();
        host.ifPresent(h -> props.put("mail.smtp.host", h));
        props.put("mail.smtp.port", Integer.toString(port));
        props.put("mail.smtp.connectiontimeout", "10000");
        props.put("mail.smtp.timeout", "10000");
        props.put("mail.smtp.writetimeout", "10000");
        props.put("mail.smtp.starttls.enable", Boolean.toString(startTls));
        Authenticator auth = null;
        if (user.isPresent()) {
            props.put("mail.smtp.auth", "true");
            auth = new Authenticator() {
                @Override
                protected PasswordAuthentication getPasswordAuthentication() {
                    return new PasswordAuthentication(user.get(), password.orElse(""));
                }
            };
        }
        session = Session.getInstance(props, auth);
        if (host.isEmpty()) {
            LOG.warning("SMTP_HOST is not set: emails are written to the log, not sent");
        }
    }

    public void send(String to, String subject, String body, List<EmailMessage.EncodedAttachment> attachments) {
        if (host.isEmpty()) {
            LOG.info(() -> "EMAIL to " + to + " | " + subject + "\n" + body
                    + (attachments.isEmpty() ? "" : "(" + attachments.size() + " attachments)"));
            return;
        }
        try {
            MimeMessage message = new MimeMessage(session);
            message.setFrom(new InternetAddress(from));
            message.setRecipients(Message.RecipientType.TO, InternetAddress.parse(to, true));
            message.setSubject(subject, StandardCharsets.UTF_8.name());
            if (attachments.isEmpty()) {
                message.setText(body, StandardCharsets.UTF_8.name());
            } else {
                MimeMultipart parts = new MimeMultipart();
                MimeBodyPart text = new MimeBodyPart();
                text.setText(body, StandardCharsets.UTF_8.name());
                parts.addBodyPart(text);
                for (EmailMessage.EncodedAttachment a : attachments) {
                    MimeBodyPart file = new MimeBodyPart();
                    file.setDataHandler(new DataHandler(new ByteArrayDataSource(Base64.getDecoder().decode(a.base64()),
                            a.contentType())));
                    file.setFileName(a.fileName());
                    parts.addBodyPart(file);
                }
                message.setContent(parts);
            }
            message.setSentDate(new Date());
            Transport.send(message);
        } catch (MessagingException e) {
            throw new IllegalStateException("SMTP delivery to " + to + " failed: " + e.getMessage(), e);
        }
    }
}
