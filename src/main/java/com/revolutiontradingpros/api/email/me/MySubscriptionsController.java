package com.revolutiontradingpros.api.email.me;

import java.util.Map;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.springframework.http.CacheControl;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import com.revolutiontradingpros.api.platform.security.CurrentUser;

/** Rows 12–13 of 03-users, served by the email module that owns lists and contacts. */
@RestController
@Tag(name = "Me")
class MySubscriptionsController {

    private final MySubscriptions subscriptions;

    MySubscriptionsController(MySubscriptions subscriptions) {
        this.subscriptions = subscriptions;
    }

    @GetMapping("/me/email-subscriptions")
    @Operation(summary = "The email lists of your account address: every public list, and every list you are or were on, "
            + "with whether you are subscribed")
    ResponseEntity<MySubscriptions.Subscriptions> get(CurrentUser me) {
        return ResponseEntity.ok().cacheControl(CacheControl.noStore().cachePrivate()).body(subscriptions.read(me.id()));
    }

    record Update(@NotNull @Size(min = 1, max = 500)
            @Schema(description = "list id → true to join, false to leave; public lists, or lists you are on",
                    example = "{\"12\": true, \"15\": false}") Map<String, @NotNull Boolean> lists) {
    }

    @PutMapping("/me/email-subscriptions")
    @Operation(summary = "Join and leave lists in one call; a verified address is needed (403 email_not_verified); "
            + "a bounced or complained address cannot join (409 address_suppressed)")
    ResponseEntity<MySubscriptions.Subscriptions> put(CurrentUser me, @Valid @RequestBody Update body) {
        return ResponseEntity.ok().cacheControl(CacheControl.noStore().cachePrivate()).body(subscriptions.update(me.id(), body.lists()));
    }
}
