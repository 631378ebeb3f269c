package io.atoll.cell.app.api;

import io.micronaut.core.convert.ArgumentConversionContext;
import io.micronaut.core.type.Argument;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.bind.binders.TypedRequestArgumentBinder;
import jakarta.inject.Singleton;

import java.util.Optional;

/** Binds a {@link Caller} parameter from the identity headers. */
@Singleton
final class CallerBinder implements TypedRequestArgumentBinder<Caller> {
    @Override
    public Argument<Caller> argumentType() {
        return Argument.of(Caller.class);
    }

    @Override
    public BindingResult<Caller> bind(ArgumentConversionContext<Caller> context, HttpRequest<?> request) {
        Caller caller = Caller.from(request.getHeaders());
        return () -> Optional.of(caller);
    }
}
