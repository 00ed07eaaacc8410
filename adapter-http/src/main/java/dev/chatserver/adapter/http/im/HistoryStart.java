package dev.chatserver.adapter.http.im;

import dev.chatserver.adapter.http.jsonrpc.RpcParams;
import dev.chatserver.domain.problem.InvalidInput;

import java.util.Optional;
import java.util.OptionalLong;

/**
 * Where a history page starts: below {@code last_ID} (the spec's name) or {@code last_id} (as Odoo clients
 * spell it). When both are given, {@code last_ID} wins. A refusal names the parameter the client sent.
 */
final class HistoryStart {
    private static final String SPEC_NAME = "last_ID";
    private static final String ODOO_NAME = "last_id";

    private HistoryStart() {
    }

    static OptionalLong of(RpcParams params) {
        if (params.has(SPEC_NAME)) {
            // the command refuses one that is not positive, naming lastId: the spec's last_ID here
            return asOptionalLong(params.optionalLong(SPEC_NAME));
        }
        Optional<Long> lastId = params.optionalLong(ODOO_NAME);
        if (lastId.isPresent() && lastId.get() <= 0) {
            throw new InvalidInput(ODOO_NAME, ODOO_NAME + " is a positive message id");
        }
        return asOptionalLong(lastId);
    }

    private static OptionalLong asOptionalLong(Optional<Long> value) {
        return value.map(OptionalLong::of).orElse(OptionalLong.empty());
    }
}
