package com.revolutiontradingpros.api.auth.accounts;

import java.util.Map;

import org.springframework.stereotype.Component;
import org.springframework.web.util.HtmlUtils;

import com.revolutiontradingpros.api.platform.mail.Mail;
import com.revolutiontradingpros.api.platform.mail.MailMessage;
import com.revolutiontradingpros.api.platform.web.HttpProperties;

/** The auth emails, each with a plain-text and an HTML body, sent through the platform's mail port. */
@Component
public class AuthMail {

    private final Mail mail;
    private final String site;

    AuthMail(Mail mail, HttpProperties http) {
        this.mail = mail;
        this.site = http.siteUrl().replaceAll("/+$", "");
    }

    public void verifyEmail(Account account, String token) {
        String link = site + "/verify-email?token=" + token;
        send(account, "Confirm your email address", "email-verification",
                "Welcome to Revolution Trading Pros, " + account.name() + ".\n\nConfirm your email address by opening this link "
                        + "within 24 hours:\n" + link + "\n\nIf you did not create an account, ignore this email.",
                "<p>Welcome to Revolution Trading Pros, " + esc(account.name()) + ".</p><p><a href=\"" + esc(link)
                        + "\">Confirm your email address</a> within 24 hours.</p><p>If you did not create an account, ignore this email.</p>");
    }

    public void passwordReset(Account account, String token) {
        String link = site + "/reset-password?token=" + token;
        send(account, "Reset your password", "password-reset",
                "Someone asked to reset the password of your Revolution Trading Pros account.\n\nChoose a new password within "
                        + "60 minutes:\n" + link + "\n\nIf it was not you, ignore this email; your password stays as it is.",
                "<p>Someone asked to reset the password of your Revolution Trading Pros account.</p><p><a href=\""
                        + esc(link) + "\">Choose a new password</a> within 60 minutes.</p><p>If it was not you, ignore this email; "
                        + "your password stays as it is.</p>");
    }

    public void invitation(Account account, String token) {
        String link = site + "/reset-password?token=" + token;
        send(account, "You are invited to Revolution Trading Pros", "invitation",
                "An account was created for you at Revolution Trading Pros.\n\nChoose your password within 7 days:\n" + link,
                "<p>An account was created for you at Revolution Trading Pros.</p><p><a href=\"" + esc(link)
                        + "\">Choose your password</a> within 7 days.</p>");
    }

    public void confirmEmailChange(Account account, String newEmail, String token) {
        String link = site + "/confirm-email?token=" + token;
        mail.send(new MailMessage(newEmail, "Confirm your new email address", "You asked to use this address for your Revolution "
                + "Trading Pros account. Confirm within 24 hours:\n" + link + "\n\nIf it was not you, ignore this email.",
                "<p>You asked to use this address for your Revolution Trading Pros account.</p><p><a href=\"" + esc(link)
                        + "\">Confirm your new email address</a> within 24 hours.</p><p>If it was not you, ignore this email.</p>",
                MailMessage.TRANSACTIONAL, "email-change", Map.of("user_id", Long.toString(account.id())), null, null));
    }

    public void emailChangeRequested(Account account, String newEmail) {
        notice(account, "Your email address is about to change", "email-change-requested",
                "Someone signed in to your account asked to change its email to " + newEmail + ". If it was not you, change "
                        + "your password now.");
    }

    public void emailChanged(Account account, String newEmail) {
        notice(account, "Your email address was changed", "email-changed",
                "Your account now signs in with " + newEmail + ". If it was not you, contact support now.");
    }

    public void accountDeleted(Account account) {
        notice(account, "Your account was deleted", "account-deleted",
                "Your Revolution Trading Pros account was deleted and signed out everywhere. Your personal data will be erased "
                        + "in 30 days; until then, support can restore the account.");
    }

    public void passwordChanged(Account account) {
        notice(account, "Your password was changed", "password-changed",
                "The password of your Revolution Trading Pros account was just changed and your other sessions were signed out.");
    }

    public void accountLocked(Account account) {
        notice(account, "Your account is locked for 30 minutes", "account-locked",
                "There were 10 failed sign-in attempts on your account in a row, so it is locked for 30 minutes. "
                        + "If it was not you, reset your password once the lock ends.");
    }

    public void newDevice(Account account, ClientInfo client) {
        notice(account, "New sign-in to your account", "new-device",
                "Your account was signed in to from a new device (" + (client.userAgent() == null ? "unknown browser" : client.userAgent())
                        + ", IP " + client.ip() + "). If it was not you, change your password and sign out your other sessions.");
    }

    public void mfaChanged(Account account, String change) {
        notice(account, "Two-factor sign-in " + change, "mfa-changed",
                "Two-factor sign-in on your account was " + change + ". If it was not you, reset your password now and "
                        + "contact support.");
    }

    private void notice(Account account, String subject, String tag, String text) {
        send(account, subject, tag, text + "\n\nRevolution Trading Pros", "<p>" + esc(text) + "</p><p>Revolution Trading Pros</p>");
    }

    private void send(Account account, String subject, String tag, String text, String html) {
        mail.send(new MailMessage(account.email(), subject, text, html, MailMessage.TRANSACTIONAL, tag,
                Map.of("user_id", Long.toString(account.id())), null, null));
    }

    private static String esc(String text) {
        return HtmlUtils.htmlEscape(text);
    }
}
