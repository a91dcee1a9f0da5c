package com.revolutiontradingpros.api.email;

import static com.revolutiontradingpros.api.support.Problems.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

import com.revolutiontradingpros.api.platform.security.Role;
import com.revolutiontradingpros.api.support.ApiTest;
import com.revolutiontradingpros.api.support.Eventually;
import com.revolutiontradingpros.api.support.Http;
import com.revolutiontradingpros.api.support.Outbox;

/** Rows 12–13 of 03-users: a person's own list subscriptions, and the contact that follows their account (06 rule 29). */
class MyEmailSubscriptionsTest extends ApiTest {

    @Autowired
    JdbcClient jdbc;

    @Test
    void aVerifiedMemberJoinsAndLeavesPublicLists() {
        Http editor = as(Role.EDITOR);
        long daily = list(editor, "Daily recap", "public");
        long webinars = list(editor, "Webinars", "public");
        long vip = list(editor, "VIP leads", "private");
        var member = signUp("Lena Lists");

        var before = member.client().get("/me/email-subscriptions");
        assertThat(before.status()).as(before.toString()).isEqualTo(200);
        assertThat(before.header("Cache-Control")).contains("no-store");
        assertThat(before.json().get("email").asString()).isEqualTo(member.email());
        assertThat(before.json().get("email_verified").asBoolean()).isFalse();
        assertThat(before.json().get("status").isNull()).isTrue();
        assertThat(find(before.json(), daily).get("subscribed").asBoolean()).isFalse();
        assertThat(find(before.json(), vip)).as("private lists are not offered").isNull();
        assertProblem(member.client().put("/me/email-subscriptions", "{\"lists\":{\"%d\":true}}".formatted(daily)), 403, "email_not_verified");

        verify(member.id());
        var joined = member.client().put("/me/email-subscriptions", "{\"lists\":{\"%d\":true,\"%d\":true}}".formatted(daily, webinars));
        assertThat(joined.status()).as(joined.toString()).isEqualTo(200);
        assertThat(joined.json().get("status").asString()).isEqualTo("subscribed");
        assertThat(find(joined.json(), daily).get("subscribed").asBoolean()).isTrue();
        assertThat(find(joined.json(), daily).get("source").asString()).isEqualTo("self");
        assertThat(find(joined.json(), webinars).get("subscribed_at").asString()).isNotBlank();
        assertThat(counts(editor, webinars)).containsExactly(1, 0);

        var left = member.client().put("/me/email-subscriptions", "{\"lists\":{\"%d\":false}}".formatted(webinars));
        assertThat(find(left.json(), webinars).get("subscribed").asBoolean()).isFalse();
        assertThat(find(left.json(), webinars).get("unsubscribed_at").asString()).isNotBlank();
        assertThat(find(left.json(), daily).get("subscribed").asBoolean()).isTrue();
        member.client().put("/me/email-subscriptions", "{\"lists\":{\"%d\":false,\"%d\":true}}".formatted(webinars, daily));
        assertThat(counts(editor, webinars)).as("repeating a change changes nothing").containsExactly(0, 1);
        assertThat(counts(editor, daily)).containsExactly(1, 0);
        assertThat(member.client().get("/me/email-subscriptions").json().get("email_verified").asBoolean()).isTrue();

        var other = signUp("Olga Other");
        verify(other.id());
        var theirs = other.client().get("/me/email-subscriptions").json();
        assertThat(theirs.get("email").asString()).isEqualTo(other.email());
        assertThat(find(theirs, daily).get("subscribed").asBoolean()).as("one member never sees another's subscriptions").isFalse();
        assertThat(other.client().put("/me/email-subscriptions", "{\"lists\":{\"%d\":false}}".formatted(daily)).status()).isEqualTo(200);
        assertThat(counts(editor, daily)).containsExactly(1, 0);

        var changes = jdbc.sql("""
                SELECT action FROM email_subscriber_changes c JOIN email_subscribers s ON s.id = c.subscriber_id
                WHERE s.user_id = :user ORDER BY c.id""").param("user", member.id()).query(String.class).list();
        assertThat(changes).containsExactly("created", "linked", "list_added", "list_added", "list_removed");
    }

    @Test
    void privateListsCanOnlyBeLeftAndBadInputIsAFieldError() {
        Http editor = as(Role.EDITOR);
        long news = list(editor, "Market news", "public");
        long vip = list(editor, "VIP room leads", "private");
        var member = signUp("Paul Private");
        verify(member.id());
        assertProblem(member.client().put("/me/email-subscriptions", "{\"lists\":{\"%d\":true}}".formatted(vip)), 422, "validation_failed");

        member.client().put("/me/email-subscriptions", "{\"lists\":{\"%d\":true}}".formatted(news));
        // Staff put the contact on the private list (with their consent note), as the contact administration does.
        jdbc.sql("""
                WITH added AS (
                    INSERT INTO email_list_subscribers (list_id, subscriber_id, status, source, consent_note, subscribed_at)
                    SELECT :list, id, 'subscribed', 'admin', 'Signed up at the 2026 expo', now() FROM email_subscribers WHERE user_id = :user
                    RETURNING list_id)
                UPDATE email_lists SET subscribed_count = subscribed_count + 1 WHERE id IN (SELECT list_id FROM added)""")
                .param("list", vip).param("user", member.id()).update();
        var seen = member.client().get("/me/email-subscriptions").json();
        assertThat(find(seen, vip).get("subscribed").asBoolean()).isTrue();
        assertThat(find(seen, vip).get("visibility").asString()).isEqualTo("private");
        var left = member.client().put("/me/email-subscriptions", "{\"lists\":{\"%d\":false}}".formatted(vip));
        assertThat(left.status()).as(left.toString()).isEqualTo(200);
        assertThat(find(left.json(), vip).get("subscribed").asBoolean()).isFalse();
        assertThat(find(left.json(), vip)).as("a list they were on stays visible").isNotNull();

        var bad = member.client().put("/me/email-subscriptions", "{\"lists\":{\"abc\":true,\"999999999\":false,\"%d\":true}}".formatted(news));
        assertProblem(bad, 422, "validation_failed");
        assertThat(bad.json().get("errors").propertyNames()).containsExactlyInAnyOrder("lists.abc", "lists.999999999");
        assertProblem(member.client().put("/me/email-subscriptions", "{\"lists\":{}}"), 422, "validation_failed");
        assertProblem(member.client().put("/me/email-subscriptions", "{\"lists\":{\"%d\":\"yes\"}}".formatted(news)), 422, "validation_failed");
        assertProblem(member.client().put("/me/email-subscriptions", "{\"lists\":{\"%d\":null}}".formatted(news)), 422, "validation_failed");
        assertProblem(member.client().put("/me/email-subscriptions", "{}"), 422, "validation_failed");
        assertProblem(member.client().put("/me/email-subscriptions", "[]"), 422, "validation_failed");
        assertThat(member.client().put("/me/email-subscriptions", "{\"lists\":").status()).isEqualTo(400);
        assertProblem(http.get("/me/email-subscriptions"), 401, "unauthenticated");
        assertProblem(http.put("/me/email-subscriptions", "{\"lists\":{\"%d\":true}}".formatted(news)), 401, "unauthenticated");
    }

    @Test
    void anUnsubscribedAddressComesBackOnlyByItsOwnerAndABouncedOneCannotJoin() {
        long tips = list(as(Role.EDITOR), "Trading tips", "public");
        var member = signUp("Una Unsubscribed");
        verify(member.id());
        member.client().put("/me/email-subscriptions", "{\"lists\":{\"%d\":true}}".formatted(tips));

        setStatus(member.id(), "unsubscribed");
        assertThat(member.client().get("/me/email-subscriptions").json().get("status").asString()).isEqualTo("unsubscribed");
        var back = member.client().put("/me/email-subscriptions", "{\"lists\":{\"%d\":true}}".formatted(tips));
        assertThat(back.json().get("status").asString()).as("joining a list themselves is fresh consent").isEqualTo("subscribed");

        setStatus(member.id(), "bounced");
        assertProblem(member.client().put("/me/email-subscriptions", "{\"lists\":{\"%d\":true}}".formatted(tips)), 409, "address_suppressed");
        var left = member.client().put("/me/email-subscriptions", "{\"lists\":{\"%d\":false}}".formatted(tips));
        assertThat(left.status()).as("leaving is always allowed").isEqualTo(200);
        assertThat(left.json().get("status").asString()).isEqualTo("bounced");
    }

    @Test
    void theContactFollowsTheAccountToANewAddressAndIsErasedWithIt() {
        // A contact that existed before the account (an imported lead) is linked when the account is created.
        String address = "lead-" + UUID.randomUUID() + "@example.com";
        long lead = jdbc.sql("INSERT INTO email_subscribers (email, email_hash, source) VALUES (:email, '\\x00', 'import') RETURNING id")
                .param("email", address).query(Long.class).single();
        Http client = http.fromNewIp();
        var registered = client.post("/auth/register", "{\"email\":\"%s\",\"password\":\"%s\",\"name\":\"Lee Lead\"}"
                .formatted(address, MEMBER_PASSWORD));
        long userId = registered.json().get("user").get("id").asLong();
        Http me = client.withToken(registered.json().get("access_token").asString());
        Eventually.within(Duration.ofSeconds(5), () -> assertThat(linkedUser(lead)).isEqualTo(userId));

        long room = list(as(Role.EDITOR), "Room alerts", "public");
        verify(userId);
        me.put("/me/email-subscriptions", "{\"lists\":{\"%d\":true}}".formatted(room));

        String fresh = "moved-" + UUID.randomUUID() + "@example.com";
        assertThat(me.post("/auth/email/change", "{\"new_email\":\"%s\",\"password\":\"%s\"}".formatted(fresh, MEMBER_PASSWORD)).status())
                .isEqualTo(202);
        String token = new Outbox(as(Role.ADMIN)).token(fresh, "email-change");
        assertThat(http.post("/auth/email/confirm", "{\"token\":\"%s\"}".formatted(token)).status()).isEqualTo(200);
        Eventually.within(Duration.ofSeconds(5), () -> assertThat(contactEmail(lead)).isEqualTo(fresh));
        assertThat(jdbc.sql("SELECT token_version FROM email_subscribers WHERE id = :id").param("id", lead).query(Integer.class).single())
                .as("links sent to the old address die").isEqualTo(2);
        var moved = me.get("/me/email-subscriptions").json();
        assertThat(moved.get("email").asString()).isEqualTo(fresh);
        assertThat(find(moved, room).get("subscribed").asBoolean()).isTrue();

        // The account is deleted, and erased when its 30 days are over (brought forward here).
        assertThat(me.post("/auth/account/delete", "{\"password\":\"%s\"}".formatted(MEMBER_PASSWORD)).status()).isEqualTo(200);
        eraseNow(userId);
        Eventually.within(Duration.ofSeconds(20), () -> assertThat(jdbc.sql("SELECT count(*) FROM email_subscribers WHERE id = :id")
                .param("id", lead).query(Long.class).single()).isZero());
        assertThat(counts(as(Role.EDITOR), room)).as("the erased membership leaves the counts").containsExactly(0, 0);
        assertThat(jdbc.sql("""
                SELECT reason FROM email_suppressions WHERE email_hash = sha256(convert_to(lower(:email), 'UTF8')) AND stream = 'broadcast'
                AND email IS NULL""").param("email", fresh).query(String.class).single()).isEqualTo("erased");

        // The person signs up again with the same address: joining a list themselves lifts the erasure.
        var again = http.fromNewIp().post("/auth/register", "{\"email\":\"%s\",\"password\":\"%s\",\"name\":\"Lee Again\"}"
                .formatted(fresh, MEMBER_PASSWORD));
        long newId = again.json().get("user").get("id").asLong();
        verify(newId);
        var rejoined = http.withToken(again.json().get("access_token").asString())
                .put("/me/email-subscriptions", "{\"lists\":{\"%d\":true}}".formatted(room));
        assertThat(rejoined.status()).as(rejoined.toString()).isEqualTo(200);
        assertThat(jdbc.sql("SELECT count(*) FROM email_suppressions WHERE email_hash = sha256(convert_to(lower(:email), 'UTF8'))")
                .param("email", fresh).query(Long.class).single()).isZero();
    }

    @Test
    void aContactNeverLinkedIsLinkedWhenTheAccountIsDeletedSoErasureReachesIt() {
        var member = signUp("Dora Deleted");
        long contact = jdbc.sql("INSERT INTO email_subscribers (email, email_hash, source) VALUES (:email, '\\x00', 'form') RETURNING id")
                .param("email", member.email()).query(Long.class).single();
        assertThat(member.client().post("/auth/account/delete", "{\"password\":\"%s\"}".formatted(MEMBER_PASSWORD)).status()).isEqualTo(200);
        Eventually.within(Duration.ofSeconds(5), () -> assertThat(linkedUser(contact)).isEqualTo(member.id()));
        eraseNow(member.id());
        Eventually.within(Duration.ofSeconds(20), () -> assertThat(jdbc.sql("SELECT count(*) FROM email_subscribers WHERE id = :id")
                .param("id", contact).query(Long.class).single()).isZero());
    }

    @Test
    void staffChangingTheAddressHidesSubscriptionsUntilItIsVerifiedAgain() {
        long alerts = list(as(Role.EDITOR), "Price alerts", "public");
        var member = signUp("Sam Staffchanged");
        verify(member.id());
        member.client().put("/me/email-subscriptions", "{\"lists\":{\"%d\":true}}".formatted(alerts));

        String fresh = "staff-set-" + UUID.randomUUID() + "@example.com";
        var changed = as(Role.ADMIN).patch("/users/" + member.id(), "{\"email\":\"%s\"}".formatted(fresh));
        assertThat(changed.status()).as(changed.toString()).isEqualTo(200);
        Eventually.within(Duration.ofSeconds(5), () -> assertThat(jdbc.sql("SELECT email::text FROM email_subscribers WHERE user_id = :user")
                .param("user", member.id()).query(String.class).single()).isEqualTo(fresh));
        var unverified = member.client().get("/me/email-subscriptions").json();
        assertThat(unverified.get("email_verified").asBoolean()).isFalse();
        assertThat(find(unverified, alerts).get("subscribed").asBoolean()).isFalse();
        verify(member.id());
        assertThat(find(member.client().get("/me/email-subscriptions").json(), alerts).get("subscribed").asBoolean()).isTrue();
    }

    private long list(Http editor, String name, String visibility) {
        var created = editor.post("/email/subscribers/lists", "{\"name\":\"%s %s\",\"visibility\":\"%s\"}"
                .formatted(name, UUID.randomUUID().toString().substring(0, 6), visibility));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return created.json().get("id").asLong();
    }

    private void verify(long userId) {
        assertThat(as(Role.ADMIN).post("/users/" + userId + "/verify-email", "").status()).isEqualTo(200);
    }

    private int[] counts(Http editor, long listId) {
        for (var list : editor.get("/email/subscribers/lists?per_page=100&sort=-created_at").json().get("data")) {
            if (list.get("id").asLong() == listId) {
                return new int[] {list.get("subscribed_count").asInt(), list.get("unsubscribed_count").asInt()};
            }
        }
        throw new AssertionError("list " + listId + " not listed");
    }

    /** Brings the erasure of a deleted account forward from 30 days to now. */
    private void eraseNow(long userId) {
        jdbc.sql("UPDATE users SET deleted_at = now() - interval '31 days' WHERE id = :id").param("id", userId).update();
        jdbc.sql("UPDATE scheduled_tasks SET execution_time = now() WHERE task_name = 'account-erasure' AND task_instance = :instance")
                .param("instance", "user-" + userId).update();
    }

    private void setStatus(long userId, String status) {
        // What a bounce webhook or a one-click unsubscribe does to the contact.
        jdbc.sql("UPDATE email_subscribers SET status = :status WHERE user_id = :user").param("status", status).param("user", userId).update();
    }

    private Long linkedUser(long contactId) {
        return jdbc.sql("SELECT user_id FROM email_subscribers WHERE id = :id").param("id", contactId).query(Long.class).single();
    }

    private String contactEmail(long contactId) {
        return jdbc.sql("SELECT email::text FROM email_subscribers WHERE id = :id").param("id", contactId).query(String.class).single();
    }

    private static JsonNode find(JsonNode subscriptions, long listId) {
        for (var list : subscriptions.get("lists")) {
            if (list.get("id").asLong() == listId) {
                return list;
            }
        }
        return null;
    }
}
