package com.revolutiontradingpros.api.platform.web;

import java.util.List;

import org.apache.catalina.core.StandardHost;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

import com.revolutiontradingpros.api.platform.paging.PageQueryArgumentResolver;
import com.revolutiontradingpros.api.platform.ratelimit.RateLimitInterceptor;
import com.revolutiontradingpros.api.platform.security.AccessInterceptor;
import com.revolutiontradingpros.api.platform.security.CurrentUserArgumentResolver;

@Configuration(proxyBeanMethods = false)
class WebConfig implements WebMvcConfigurer {

    private final RateLimitInterceptor rateLimits;

    WebConfig(RateLimitInterceptor rateLimits) {
        this.rateLimits = rateLimits;
    }

    @Bean
    FilterRegistrationBean<RequestIdFilter> requestIdFilter() {
        var registration = new FilterRegistrationBean<>(new RequestIdFilter());
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
        return registration;
    }

    @Bean
    FilterRegistrationBean<BodySizeLimitFilter> bodySizeLimitFilter(HttpProperties properties, ProblemWriter problems) {
        var registration = new FilterRegistrationBean<>(new BodySizeLimitFilter(properties, problems));
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 10);
        return registration;
    }

    /** Requests Tomcat refuses itself get a problem document too, not Tomcat's HTML page. */
    @Bean
    WebServerFactoryCustomizer<TomcatServletWebServerFactory> problemErrorPages() {
        return factory -> factory.addContextCustomizers(context -> {
            if (context.getParent() instanceof StandardHost host) {
                host.setErrorReportValveClass(ProblemErrorReportValve.class.getName());
            }
        });
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        // Limits first, so a flood of unauthenticated calls is refused before any other work.
        registry.addInterceptor(rateLimits);
        registry.addInterceptor(new AccessInterceptor());
    }

    @Override
    public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
        resolvers.add(new CurrentUserArgumentResolver());
        resolvers.add(new PageQueryArgumentResolver());
    }
}
