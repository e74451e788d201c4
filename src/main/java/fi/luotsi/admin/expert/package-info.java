/**
 * "Ask an expert": a question the bot could not answer can be forwarded, optionally anonymously, to
 * the organisers' channel ({@code experts} in {@code config/luotsi.yaml}); an organiser's {@code
 * vastaa K12 …} is relayed to the asker through the delivery service exactly once, and an
 * administrator can turn the answer into knowledge through {@link fi.luotsi.admin.KnowledgeEditor}.
 * The asker's platform ids are kept only until the answer is relayed; the rows follow the question
 * log's retention and a person's erasure request.
 */
package fi.luotsi.admin.expert;
