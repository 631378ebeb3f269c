package io.atoll.cell.auth.config;

import io.micronaut.context.annotation.EachProperty;
import io.micronaut.context.annotation.Parameter;
import io.micronaut.core.order.Ordered;

import java.util.List;

/**
 * One entry of {@code atoll.auth.policy}: which requests it covers and what they need. Entries are tried
 * in the order written; the first whose methods and path match decides.
 */
@EachProperty(value = "atoll.auth.policy", list = true)
public final class PolicyRuleSettings implements Ordered {
    private final int index;
    private List<String> methods = List.of();
    private String path;
    private List<String> scopes = List.of();
    private boolean anonymous;

    public PolicyRuleSettings(@Parameter Integer index) {
        this.index = index;
    }

    @Override
    public int getOrder() {
        return index;
    }

    /** HTTP methods the rule covers; none means all. */
    public List<String> getMethods() {
        return methods;
    }

    public void setMethods(List<String> methods) {
        this.methods = List.copyOf(methods);
    }

    /** Ant-style path pattern ({@code *} within a segment, {@code **} across segments). */
    public String getPath() {
        return path;
    }

    public void setPath(String path) {
        this.path = path;
    }

    /** Scopes a token must carry, all of them. */
    public List<String> getScopes() {
        return scopes;
    }

    public void setScopes(List<String> scopes) {
        this.scopes = List.copyOf(scopes);
    }

    /** Whether matching requests pass without a token. */
    public boolean isAnonymous() {
        return anonymous;
    }

    public void setAnonymous(boolean anonymous) {
        this.anonymous = anonymous;
    }
}
