package org.kenes.web.panelist;

import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import org.kenes.services.Services;
import org.kenes.panelist.AnswerService.Panelist;
import org.kenes.common.Conflict;
import org.kenes.common.Invalid;
import org.kenes.participant.AttributeAnswers;
import org.kenes.participant.ParticipantAttributes;
import org.kenes.study.Attribute;
import org.kenes.study.Study;
import org.kenes.web.Bodies;
import org.kenes.web.Responses;
import org.kenes.web.Views;

/**
 * The study's questions about the panelist (sector, years of experience, …), asked once, on their first visit after
 * the consent: as a page before the questionnaire, and as JSON ({@code GET} and {@code PUT /api/p/{token}/attributes}).
 */
final class AttributeRoutes {

  private final Services s;
  private final Views views;

  private AttributeRoutes(Services services, Views views) {
    this.s = services;
    this.views = views;
  }

  static AttributeRoutes mount(Router router, Router api, Services services, Views views) {
    AttributeRoutes r = new AttributeRoutes(services, views);
    api.get("/p/:token/attributes").handler(r::json);
    api.put("/p/:token/attributes").handler(r::saveJson);
    router.post("/p/:token/attributes").handler(r::saveForm);
    return r;
  }

  /**
   * Whether the page of {@code who} asks the attribute questions first: once, while the panelist has not answered them
   * and the participant list left one of them without a value.
   */
  Future<Boolean> toAsk(Panelist who) {
    return who.study().attributes().isEmpty() ? Future.succeededFuture(false)
        : s.attributes().of(who.participant()).map(v -> !v.answered()
            && who.study().attributes().stream().anyMatch(a -> !v.values().containsKey(a.id())));
  }

  /** The questions as a form, with what was given before (or typed, after a problem). */
  Future<Void> page(RoutingContext ctx, Panelist who, String lang, int status, Map<String, ?> typed, Invalid invalid) {
    Future<Map<String, ?>> shown = typed != null ? Future.succeededFuture(typed)
        : s.attributes().of(who.participant()).map(ParticipantAttributes.Values::values);
    return shown.compose(values -> views.respond(ctx, status, "attributes",
        model(who.study(), lang, ctx.pathParam("token"), values, invalid)));
  }

  private void json(RoutingContext ctx) {
    s.answers().panelist(ctx.pathParam("token")).compose(who -> s.attributes().of(who.participant()).map(v ->
            new JsonObject().put("questions", questions(who.study(), lang(who, null)))
                .put("values", new JsonObject(new HashMap<>(v.values()))).put("answered", v.answered())))
        .onSuccess(json -> Responses.json(ctx, 200, json)).onFailure(ctx::fail);
  }

  private void saveJson(RoutingContext ctx) {
    JsonObject body = Bodies.jsonObject(ctx);
    Map<String, Object> given = body.getValue("attributes") instanceof JsonObject o ? o.getMap() : Map.of();
    s.answers().panelist(ctx.pathParam("token")).compose(who -> save(who, given))
        .onSuccess(values -> Responses.json(ctx, 200, new JsonObject().put("attributes", new JsonObject(values))))
        .onFailure(ctx::fail);
  }

  /** A form post: saved → 303 to the questionnaire; invalid → the form again, as typed, with messages. */
  private void saveForm(RoutingContext ctx) {
    String token = ctx.pathParam("token");
    Map<String, Object> typed = new HashMap<>();
    ctx.request().formAttributes().forEach(e -> {
      if (e.getKey().startsWith("attribute.")) {
        typed.put(e.getKey().substring("attribute.".length()), e.getValue());
      }
    });
    s.answers().panelist(token).compose(who -> {
      String lang = lang(who, ctx.request().getFormAttribute("lang"));
      return save(who, typed)
          .compose(v -> ctx.response().setStatusCode(303).putHeader("Location", "/p/" + token + "?lang="
              + URLEncoder.encode(lang, StandardCharsets.UTF_8)).end())
          .recover(e -> e instanceof Invalid invalid ? page(ctx, who, lang, 400, typed, invalid)
              : Future.failedFuture(e));
    }).onFailure(ctx::fail);
  }

  private Future<Map<String, Object>> save(Panelist who, Map<String, Object> given) {
    if (who.participant().withdrawn()) {
      return Future.failedFuture(new Conflict("you have withdrawn from this study: answers are no longer taken"));
    }
    // A refusal is a failed future, so that the form can answer it with the form again.
    return Future.<Map<String, Object>>future(p -> p.complete(AttributeAnswers.read(who.study(), given)))
        .compose(values -> s.attributes().answer(who.participant(), values).map(values));
  }

  private static String lang(Panelist who, String asked) {
    return PanelistRightsRoutes.language(who, asked);
  }

  private static JsonArray questions(Study study, String lang) {
    JsonArray out = new JsonArray();
    for (Attribute a : study.attributes()) {
      JsonObject q = new JsonObject().put("id", a.id()).put("name", study.text(a.name(), lang))
          .put("type", a.type().key()).put("required", a.required());
      if (a.type() == Attribute.Type.CHOICE) {
        q.put("options", new JsonArray(a.options().stream().map(o -> new JsonObject().put("id", o.id())
            .put("text", study.text(o.text(), lang))).toList()));
      } else {
        q.put("min", a.min()).put("max", a.max());
      }
      out.add(q);
    }
    return out;
  }

  private static JsonObject model(Study study, String lang, String token, Map<String, ?> values, Invalid invalid) {
    JsonArray fields = new JsonArray();
    for (Object o : questions(study, lang)) {
      JsonObject q = (JsonObject) o;
      String id = q.getString("id");
      Object value = values.get(id);
      String problem = invalid == null ? null : invalid.problems().stream()
          .filter(p -> p.path().equals("attributes." + id)).map(p -> p.message(lang)).findFirst().orElse(null);
      if (q.containsKey("options")) {
        q.getJsonArray("options").forEach(opt -> ((JsonObject) opt)
            .put("checked", ((JsonObject) opt).getString("id").equals(value == null ? null : String.valueOf(value))));
      }
      fields.add(q.put("choice", q.containsKey("options")).put("value", value == null ? "" : String.valueOf(value))
          .put("problem", problem));
    }
    return new JsonObject().put("lang", lang).put("token", token).put("title", study.text(study.title(), lang))
        .put("fields", fields).put("invalid", invalid != null).put("skipKey", "skip");
  }
}
