/**
 * The evaluation report: what {@code movierec evaluate} measured ({@link org.movierec.eval.report.Report}), the
 * published figures it is set beside ({@link org.movierec.eval.report.Anchors}), the targets it is judged against
 * ({@link org.movierec.eval.report.Targets}), and its renderings: Markdown, JSON, SVG plots drawn by hand and a
 * compact text table ({@link org.movierec.eval.report.ReportFiles}, {@link org.movierec.eval.report.ReportText}).
 * Rendering is a pure function of the report: the same report always gives the same files.
 */
package org.movierec.eval.report;
