package com.revolutiontradingpros.api.platform.security;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerInterceptor;

import com.revolutiontradingpros.api.platform.web.ApiException;

/**
 * Enforces each route's access declaration ({@link Public}, {@link RequiresRole}, {@link RequiresAbility});
 * a route that declares nothing needs a signed-in user, so forgetting a declaration never opens a route.
 */
public class AccessInterceptor implements HandlerInterceptor {

    private static final java.util.Set<String> SAFE_METHODS = java.util.Set.of("GET", "HEAD", "OPTIONS");

    private final Map<HandlerMethod, Access> rules = new ConcurrentHashMap<>();

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        if (!(handler instanceof HandlerMethod method)) {
            return true;
        }
        var access = rules.computeIfAbsent(method, AccessInterceptor::accessOf);
        var caller = Callers.current();
        if (caller.isPresent() && caller.get().impersonatedBy() != null) {
            // Every answer to an impersonation token says so, and such a token only reads.
            response.setHeader("X-Impersonated-By", Long.toString(caller.get().impersonatedBy()));
            if (!SAFE_METHODS.contains(request.getMethod())) {
                throw ApiException.forbidden("impersonation_read_only", "an impersonation token can only read");
            }
        }
        if (access.isPublic()) {
            return true;
        }
        var user = caller.orElseThrow(() ->
                ApiException.unauthorized("unauthenticated", "sign in to use this endpoint"));
        if (access.role() != null && !user.has(access.role())) {
            throw ApiException.forbidden("forbidden", "this needs the " + access.role().wireName() + " role");
        }
        if (user.abilities() != null && access.ability() == null) {
            // A personal access token reaches only routes that say which ability they need.
            throw ApiException.forbidden("insufficient_ability", "personal access tokens cannot use this endpoint");
        }
        if (access.ability() != null && !user.can(access.ability())) {
            throw ApiException.forbidden("insufficient_ability", "this token lacks the " + access.ability()
                    + " ability");
        }
        return true;
    }

    /** What a handler method declares, with its class's declaration as the default. */
    public static Access accessOf(HandlerMethod method) {
        String owner = method.getBeanType().getName();
        if (owner.startsWith("org.springdoc.")) {
            return new Access(true, null, null); // the API documentation is public
        }
        if (owner.startsWith("org.springframework.boot.")) {
            return new Access(false, Role.ADMIN, null); // actuator metrics
        }
        var methodPublic = AnnotatedElementUtils.hasAnnotation(method.getMethod(), Public.class);
        var methodRole = AnnotatedElementUtils.findMergedAnnotation(method.getMethod(), RequiresRole.class);
        var typeRole = AnnotatedElementUtils.findMergedAnnotation(method.getBeanType(), RequiresRole.class);
        var typePublic = AnnotatedElementUtils.hasAnnotation(method.getBeanType(), Public.class);
        var ability = AnnotatedElementUtils.findMergedAnnotation(method.getMethod(), RequiresAbility.class);
        if (ability == null) {
            ability = AnnotatedElementUtils.findMergedAnnotation(method.getBeanType(), RequiresAbility.class);
        }
        // The method's own declaration wins over its class's.
        boolean isPublic = methodPublic || (methodRole == null && typePublic);
        Role role = methodRole != null ? methodRole.value() : typeRole != null ? typeRole.value() : null;
        return new Access(isPublic, isPublic ? null : role, ability == null ? null : ability.value());
    }

    public record Access(boolean isPublic, @Nullable Role role, @Nullable String ability) {
    }
}
