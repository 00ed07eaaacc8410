package dev.chatserver.adapter.http.realtime;

import com.fasterxml.jackson.databind.JsonNode;
import dev.chatserver.domain.account.PartnerId;
import dev.chatserver.domain.problem.InvalidInput;

import java.util.ArrayList;
import java.util.List;

/**
 * The partners an Odoo client asks the im_status of, in its {@code update_presence} frame:
 * {@code "im_status_ids_by_model": {"res.partner": [3, 7]}}. Other models (guests) have no presence here.
 */
final class OdooPresenceRequest {
    static final String FIELD = "im_status_ids_by_model";
    private static final int MAX_PARTNERS = 1_000;

    private OdooPresenceRequest() {
    }

    static List<PartnerId> partners(JsonNode data) {
        JsonNode byModel = data.path(FIELD);
        if (byModel.isMissingNode() || byModel.isNull()) {
            return List.of();
        }
        JsonNode ids = byModel.path("res.partner");
        if (!byModel.isObject() || !(ids.isMissingNode() || ids.isArray())) {
            throw new InvalidInput(FIELD, FIELD + " is {\"res.partner\": [partner ids]}");
        }
        if (ids.size() > MAX_PARTNERS) {
            throw new InvalidInput(FIELD, "at most " + MAX_PARTNERS + " partners at once");
        }
        List<PartnerId> partners = new ArrayList<>();
        for (JsonNode id : ids) {
            if (!id.canConvertToLong() || !id.isIntegralNumber() || id.asLong() <= 0) {
                throw new InvalidInput(FIELD, FIELD + "[\"res.partner\"] holds positive partner ids");
            }
            partners.add(PartnerId.of(id.asLong()));
        }
        return partners;
    }
}
