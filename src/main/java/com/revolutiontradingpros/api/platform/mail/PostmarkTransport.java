package com.revolutiontradingpros.api.platform.mail;

import java.net.http.HttpClient;
import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.http.MediaType;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.web.client.ResourceAccessException;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientResponseException;

/**
 * Postmark's HTTP API: {@code POST /email} with the server token in {@code X-Postmark-Server-Token}. Postmark
 * answers 422 with an {@code ErrorCode} for messages it will never accept (bad address, inactive recipient);
 * those are not retried. Network failures, 429, 5xx and a rejected token are retried with backoff.
 */
class PostmarkTransport implements MailTransport {

    private final RestClient client;
    private final MailProperties.Postmark settings;

    PostmarkTransport(MailProperties.Postmark settings) {
        this.settings = settings;
        var http = HttpClient.newBuilder().connectTimeout(settings.timeout()).build();
        var requests = new JdkClientHttpRequestFactory(http);
        requests.setReadTimeout(settings.timeout());
        this.client = RestClient.builder()
                .baseUrl(settings.baseUrl())
                .requestFactory(requests)
                .defaultHeader("X-Postmark-Server-Token", settings.serverToken())
                .defaultHeader("Accept", MediaType.APPLICATION_JSON_VALUE)
                .build();
    }

    @Override
    public String name() {
        return "postmark";
    }

    @Override
    @SuppressWarnings("unchecked")
    public Delivery deliver(OutgoingMail mail) {
        var body = new LinkedHashMap<String, Object>();
        body.put("From", mail.from());
        body.put("To", mail.to());
        body.put("Subject", mail.subject());
        body.put("TextBody", mail.textBody());
        if (mail.htmlBody() != null) {
            body.put("HtmlBody", mail.htmlBody());
        }
        if (mail.replyTo() != null) {
            body.put("ReplyTo", mail.replyTo());
        }
        if (mail.tag() != null) {
            body.put("Tag", mail.tag());
        }
        var metadata = new LinkedHashMap<>(mail.metadata());
        metadata.put("mail_id", Long.toString(mail.id()));
        body.put("Metadata", metadata);
        body.put("MessageStream", MailMessage.BROADCAST.equals(mail.stream())
                ? settings.broadcastStream() : settings.transactionalStream());
        try {
            Map<String, Object> answer = client.post().uri("/email")
                    .contentType(MediaType.APPLICATION_JSON)
                    .body(body)
                    .retrieve()
                    .body(Map.class);
            if (answer == null || !Integer.valueOf(0).equals(answer.get("ErrorCode"))) {
                throw new MailDeliveryException("Postmark refused the message: " + answer, false);
            }
            return new Delivery(false, String.valueOf(answer.get("MessageID")));
        } catch (RestClientResponseException e) {
            int status = e.getStatusCode().value();
            String detail = "Postmark answered " + status + ": " + e.getResponseBodyAsString();
            boolean retryable = status == 401 || status == 429 || status >= 500;
            throw new MailDeliveryException(detail, !retryable, e);
        } catch (ResourceAccessException e) {
            throw new MailDeliveryException("Postmark is unreachable: " + e.getMessage(), false, e);
        }
    }
}
