# Expected values for the statistics tests (warehouse/src/test/resources/stats/*.csv), computed
# once with R's own functions and kept as fixtures. Run from the project root:
#   Rscript warehouse/src/test/r/stats-fixtures.R
# Every file's first line names the R version that wrote it.
out <- "warehouse/src/test/resources/stats"
version <- paste0("# computed with ", R.version.string, " (stats package)")
write_fixture <- function(df, name) {
  path <- file.path(out, name)
  writeLines(version, path)
  suppressWarnings(write.table(format(df, digits = 17), path, sep = ",", row.names = FALSE, quote = FALSE, append = TRUE))
}

# Clopper-Pearson: binom.test(x, n, conf.level)$conf.int
cp <- expand.grid(x = c(0, 1, 3, 10, 17, 500, 999), n = c(1, 10, 50, 1000, 1e6), confidence = c(0.95, 0.998))
cp <- cp[cp$x <= cp$n, ]
cp$lower <- mapply(function(x, n, c) binom.test(x, n, conf.level = c)$conf.int[1], cp$x, cp$n, cp$confidence)
cp$upper <- mapply(function(x, n, c) binom.test(x, n, conf.level = c)$conf.int[2], cp$x, cp$n, cp$confidence)
write_fixture(cp, "r_clopper_pearson.csv")

# Exact binomial funnel limits (Spiegelhalter 2005, appendix A.1.1): r_p = qbinom(p, n, target),
# alpha = (pbinom(r_p) - p) / (pbinom(r_p) - pbinom(r_p - 1)), limit = (r_p - alpha) / n
limit <- function(p, n, target) {
  r <- qbinom(p, n, target)
  f <- pbinom(r, n, target)
  fb <- if (r > 0) pbinom(r - 1, n, target) else 0
  a <- if (f - fb > 0) (f - p) / (f - fb) else 0
  max(0, min(1, (r - a) / n))
}
fl <- expand.grid(target = c(0.05, 0.5, 0.8, 0.97), n = c(1, 5, 10, 20, 50, 100, 1000, 10000), confidence = c(0.95, 0.998))
fl$lower <- mapply(function(t, n, c) limit((1 - c) / 2, n, t), fl$target, fl$n, fl$confidence)
fl$upper <- mapply(function(t, n, c) limit(1 - (1 - c) / 2, n, t), fl$target, fl$n, fl$confidence)
write_fixture(fl, "r_funnel_exact_binomial.csv")

# Pearson's chi-square on r x c tables: chisq.test(m, correct)
tables <- list(
  t2x2 = matrix(c(12, 5, 7, 9), 2),
  t2x2small = matrix(c(3, 1, 1, 3), 2),
  t2x2close = matrix(c(20, 21, 20, 20), 2),
  stage3x4 = matrix(c(120, 95, 60, 40, 80, 70, 55, 30, 30, 45, 50, 25), 3, byrow = TRUE),
  stage5x3 = matrix(c(410, 380, 95, 350, 300, 120, 210, 260, 80, 160, 170, 60, 40, 60, 25), 5, byrow = TRUE),
  strong2x3 = matrix(c(1000, 10, 500, 10, 1000, 500), 2, byrow = TRUE))
rows <- list()
for (name in names(tables)) {
  m <- tables[[name]]
  for (correct in c(FALSE, TRUE)) {
    if (correct && !all(dim(m) == 2)) next
    t <- suppressWarnings(chisq.test(m, correct = correct))
    rows[[length(rows) + 1]] <- data.frame(table = name, rows = nrow(m), cells = paste(as.vector(t(m)), collapse = " "),
      yates = correct, statistic = unname(t$statistic), df = unname(t$parameter), p_value = t$p.value)
  }
}
write_fixture(do.call(rbind, rows), "r_chisq_test.csv")

# Two proportions with and without the continuity correction: prop.test(c(x1, x2), c(n1, n2), correct)
pairs <- data.frame(x1 = c(56, 5, 15, 0, 4500, 30, 1), n1 = c(70, 10, 20, 10, 10000, 100, 3),
                    x2 = c(48, 9, 15, 3, 4200, 31, 2), n2 = c(80, 10, 20, 12, 10000, 100, 3))
pt <- do.call(rbind, lapply(c(FALSE, TRUE), function(correct) {
  p <- pairs
  p$correct <- correct
  t <- mapply(function(a, b, c, d) suppressWarnings(prop.test(c(a, c), c(b, d), correct = correct)), p$x1, p$n1, p$x2, p$n2, SIMPLIFY = FALSE)
  p$statistic <- sapply(t, function(r) unname(r$statistic))
  p$p_value <- sapply(t, function(r) r$p.value)
  p
}))
write_fixture(pt, "r_prop_test.csv")

# Sample standard deviation sd(), mean, Welch's t.test
samples <- list(a = c(12, 15, 9, 20, 31, 7, 14), b = c(28, 35, 30, 41, 22, 39, 33, 27), c = c(1, 1, 1, 2),
                d = c(100.5, 100.25, 99.75, 101, 98.5), e = c(5, 5), f = c(3, 9))
sds <- data.frame(sample = names(samples), values = sapply(samples, paste, collapse = " "),
                  mean = sapply(samples, mean), sd = sapply(samples, sd))
write_fixture(sds, "r_sd.csv")
wp <- list(c("a", "b"), c("a", "c"), c("d", "a"), c("b", "e"))
welch <- do.call(rbind, lapply(wp, function(p) {
  t <- t.test(samples[[p[1]]], samples[[p[2]]])
  data.frame(a = p[1], b = p[2], difference = unname(t$estimate[1] - t$estimate[2]), t = unname(t$statistic),
             df = unname(t$parameter), p_value = t$p.value, lower = t$conf.int[1], upper = t$conf.int[2])
}))
write_fixture(welch, "r_welch_t_test.csv")

# Upper tails far out: 2 * pnorm(-z), pchisq(q, df, lower.tail = FALSE), pt(-t, df) * 2
tails <- rbind(
  data.frame(distribution = "normal_two_sided", x = c(1, 5, 8.5, 10, 20, 30, 37, 37.5), df = NA,
             p_value = 2 * pnorm(-c(1, 5, 8.5, 10, 20, 30, 37, 37.5))),
  data.frame(distribution = "chisq_upper", x = c(3.84, 30, 50, 81, 100, 300, 1000, 1370), df = 1,
             p_value = pchisq(c(3.84, 30, 50, 81, 100, 300, 1000, 1370), 1, lower.tail = FALSE)),
  data.frame(distribution = "chisq_upper", x = c(10, 200, 1300), df = 6, p_value = pchisq(c(10, 200, 1300), 6, lower.tail = FALSE)),
  data.frame(distribution = "t_two_sided", x = c(2, 10, 40, 1e5), df = 5, p_value = 2 * pt(-c(2, 10, 40, 1e5), 5)))
write_fixture(tails, "r_upper_tails.csv")

# Trend in proportions where the p-value is tiny: prop.trend.test(x, n, score)
trends <- list(list(x = c(83, 90, 129, 70), n = c(86, 93, 136, 82), s = 1:4),
               list(x = c(400, 500, 600, 700), n = c(1000, 1000, 1000, 1000), s = 2026:2029),
               list(x = c(100, 400, 700, 900), n = c(1000, 1000, 1000, 1000), s = 2026:2029),
               list(x = c(1000, 3000, 6000), n = c(10000, 10000, 10000), s = 2026:2028))
tr <- do.call(rbind, lapply(trends, function(t) {
  r <- prop.trend.test(t$x, t$n, t$s)
  data.frame(x = paste(t$x, collapse = " "), n = paste(t$n, collapse = " "), scores = paste(t$s, collapse = " "),
             statistic = unname(r$statistic), p_value = r$p.value)
}))
write_fixture(tr, "r_prop_trend_test.csv")
