package com.revolutiontradingpros.api.platform.mail;

import java.util.Properties;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import org.springframework.mail.MailAuthenticationException;
import org.springframework.mail.MailException;
import org.springframework.mail.MailParseException;
import org.springframework.mail.MailPreparationException;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.mail.javamail.MimeMessageHelper;

/** Any SMTP relay (Postmark's, SES, Mailgun, a company server). Addresses the relay refuses are not retried. */
class SmtpTransport implements MailTransport {

    private final JavaMailSenderImpl sender = new JavaMailSenderImpl();

    SmtpTransport(MailProperties.Smtp settings) {
        sender.setHost(settings.host());
        sender.setPort(settings.port());
        if (!settings.username().isBlank()) {
            sender.setUsername(settings.username());
            sender.setPassword(settings.password());
        }
        sender.setDefaultEncoding("UTF-8");
        var properties = new Properties();
        properties.put("mail.smtp.auth", Boolean.toString(!settings.username().isBlank()));
        properties.put("mail.smtp.starttls.enable", Boolean.toString(settings.starttls()));
        properties.put("mail.smtp.connectiontimeout", Long.toString(settings.timeout().toMillis()));
        properties.put("mail.smtp.timeout", Long.toString(settings.timeout().toMillis()));
        properties.put("mail.smtp.writetimeout", Long.toString(settings.timeout().toMillis()));
        sender.setJavaMailProperties(properties);
    }

    @Override
    public String name() {
        return "smtp";
    }

    @Override
    public Delivery deliver(OutgoingMail mail) {
        MimeMessage message = sender.createMimeMessage();
        try {
            var helper = new MimeMessageHelper(message, mail.htmlBody() != null, "UTF-8");
            helper.setFrom(mail.from());
            helper.setTo(mail.to());
            if (mail.replyTo() != null) {
                helper.setReplyTo(mail.replyTo());
            }
            helper.setSubject(mail.subject());
            if (mail.htmlBody() != null) {
                helper.setText(mail.textBody(), mail.htmlBody());
            } else {
                helper.setText(mail.textBody());
            }
            if (mail.tag() != null) {
                message.setHeader("X-Tag", mail.tag());
            }
            message.setHeader("X-Mail-Id", Long.toString(mail.id()));
            sender.send(message);
            return new Delivery(false, message.getMessageID());
        } catch (MessagingException | MailParseException | MailPreparationException e) {
            throw new MailDeliveryException("the message cannot be built: " + e.getMessage(), true, e);
        } catch (MailAuthenticationException e) {
            throw new MailDeliveryException("the SMTP server refused our credentials", false, e);
        } catch (MailException e) {
            boolean refusedAddress = e.getMessage() != null && e.getMessage().contains("Invalid Addresses");
            throw new MailDeliveryException("SMTP delivery failed: " + e.getMessage(), refusedAddress, e);
        }
    }
}
