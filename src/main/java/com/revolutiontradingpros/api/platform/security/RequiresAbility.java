package com.revolutiontradingpros.api.platform.security;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The ability a personal access token must carry to call the route ({@code posts:write}). Session tokens
 * carry every ability their roles allow, so this only narrows what scripts can do.
 */
@Target({ElementType.METHOD, ElementType.TYPE})
@Retention(RetentionPolicy.RUNTIME)
public @interface RequiresAbility {
    String value();
}
