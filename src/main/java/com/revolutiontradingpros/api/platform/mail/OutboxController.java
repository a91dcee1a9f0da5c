package com.revolutiontradingpros.api.platform.mail;

import java.time.Instant;
import java.util.Map;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.jspecify.annotations.Nullable;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

import com.revolutiontradingpros.api.platform.paging.Page;
import com.revolutiontradingpros.api.platform.paging.PageParams;
import com.revolutiontradingpros.api.platform.paging.PageQuery;
import com.revolutiontradingpros.api.platform.security.RequiresRole;
import com.revolutiontradingpros.api.platform.security.Role;
import com.revolutiontradingpros.api.platform.web.ApiException;

/** Every transactional mail the service produced, whatever the transport, with its delivery state. */
@RestController
@RequiresRole(Role.ADMIN)
@Tag(name = "Outbox")
class OutboxController {

    private final MailRepository repository;

    OutboxController(MailRepository repository) {
        this.repository = repository;
    }

    @GetMapping("/admin/outbox")
    @Operation(summary = "List sent and stored mail, newest first; filter by status, tag, to or transport; q searches subject and recipient")
    Page<OutboxSummary> list(@PageParams(sort = {"created_at", "sent_at", "to", "status"}, defaultSort = "-created_at",
            filters = {"status", "tag", "to", "transport"}, searchable = true) PageQuery query) {
        return query.page(repository.list(query).stream().map(OutboxSummary::of).toList(), repository.count(query));
    }

    @GetMapping("/admin/outbox/{id}")
    @Operation(summary = "One message with its bodies, metadata and delivery attempts")
    OutboxMessage get(@PathVariable long id) {
        return repository.find(id).map(OutboxMessage::of).orElseThrow(() -> ApiException.notFound("message"));
    }

    record OutboxSummary(long id, String to, String subject, String stream, @Nullable String tag, String transport,
            @Schema(allowableValues = {"queued", "sent", "stored", "failed"}) String status, int attempts,
            @Nullable String lastError, @Nullable Instant createdAt, @Nullable Instant sentAt) {

        static OutboxSummary of(StoredMail mail) {
            return new OutboxSummary(mail.id(), mail.to(), mail.subject(), mail.stream(), mail.tag(), mail.transport(),
                    mail.status(), mail.attempts(), mail.lastError(), mail.createdAt(), mail.sentAt());
        }
    }

    record OutboxMessage(long id, String to, String from, @Nullable String replyTo, String subject, String textBody,
            @Nullable String htmlBody, String stream, @Nullable String tag, Map<String, String> metadata,
            String transport, @Schema(allowableValues = {"queued", "sent", "stored", "failed"}) String status,
            int attempts, @Nullable Instant nextAttemptAt, @Nullable String lastError,
            @Nullable String providerMessageId, @Nullable Instant createdAt, @Nullable Instant sentAt) {

        static OutboxMessage of(StoredMail mail) {
            return new OutboxMessage(mail.id(), mail.to(), mail.from(), mail.replyTo(), mail.subject(), mail.textBody(),
                    mail.htmlBody(), mail.stream(), mail.tag(), mail.metadata(), mail.transport(), mail.status(),
                    mail.attempts(), mail.nextAttemptAt(), mail.lastError(), mail.providerMessageId(), mail.createdAt(),
                    mail.sentAt());
        }
    }
}
