# Expected values of WHO HEAT's summary measures of inequality (warehouse/src/test/resources/stats/
# r_heat_*.csv) for HealthInequalityTest, computed once with R's own model fitting and kept as
# fixtures. Run from the project root:
#   Rscript warehouse/src/test/r/heat-fixtures.R
# Ordered measures come from glm/lm fits: the slope index (SII) and the relative index (RII) from
# binomial (logit), Poisson (log, population offset) and weighted linear models of the estimate on
# the groups' ridit ranks, with the HC1 sandwich covariance (package sandwich) and the delta method
# as WHO's healthequal computes its intervals, the standard error never below the one the groups'
# own sampling errors give; the concentration indices from the weighted
# regression of 2σ²·y on the rank (lm with weights). The unordered measures are the HEAT formulas
# written out, their standard errors the delta method with a numerical gradient (numDeriv::grad),
# so the analytic derivatives in Java are checked, not copied.
suppressPackageStartupMessages({ library(sandwich); library(numDeriv) })
out <- "warehouse/src/test/resources/stats"
version <- paste0("# computed with ", R.version.string, ", sandwich ", packageVersion("sandwich"),
                  ", numDeriv ", packageVersion("numDeriv"))
write_fixture <- function(df, name) {
  path <- file.path(out, name)
  writeLines(version, path)
  suppressWarnings(write.table(format(df, digits = 17), path, sep = ",", row.names = FALSE, quote = FALSE, append = TRUE))
}
z <- qnorm(0.975)
tight <- glm.control(epsilon = 1e-13, maxit = 100)

# case, model, scale, favourable (1: higher is better), per group: order (1 = most disadvantaged;
# 0 = not ordered), numerator d, population n, estimate y (on the indicator's scale), its se
cases <- list(
  list(case = "stage_by_education", model = "binomial", scale = 100, favourable = 1, order = 1:4,
       d = c(412, 1180, 402, 1010), n = c(1500, 4200, 1350, 3300)),
  list(case = "incidence_by_education", model = "poisson", scale = 1e5, favourable = 0, order = 1:4,
       d = c(2310, 5120, 1602, 2790), n = c(410000, 1390000, 540000, 1180000)),
  list(case = "qol_by_income", model = "gaussian", scale = 1, favourable = 1, order = 1:5,
       y = c(58.4, 61.9, 63.2, 66.0, 68.7), n = c(140, 180, 210, 220, 230), sd = c(24, 23, 22, 21, 20)),
  list(case = "screening_by_quintile", model = "binomial", scale = 100, favourable = 1, order = 1:5,
       d = c(3020, 3515, 3760, 3902, 4011), n = c(4410, 4502, 4550, 4601, 4620)),
  list(case = "three_groups_rate", model = "poisson", scale = 1e5, favourable = 0, order = 1:3,
       d = c(41, 55, 23), n = c(9000, 15000, 8000)),
  list(case = "screening_by_birth_country", model = "binomial", scale = 100, favourable = 1, order = rep(0, 4),
       d = c(30120, 1880, 2410, 2960), n = c(36500, 2510, 3350, 5120)),
  list(case = "survival_by_birth_country", model = "gaussian", scale = 1, favourable = 1, order = rep(0, 4),
       y = c(72.4, 70.1, 69.5, 66.8), n = c(8100, 640, 910, 1220), se = c(0.52, 1.9, 1.6, 1.4))
)

inputs <- do.call(rbind, lapply(cases, function(c) {
  k <- length(c$n)
  y <- if (is.null(c$y)) c$d / c$n * c$scale else c$y
  se <- if (!is.null(c$se)) c$se else if (!is.null(c$sd)) c$sd / sqrt(c$n)
        else if (c$model == "binomial") sqrt(c$d / c$n * (1 - c$d / c$n) / c$n) * c$scale else sqrt(c$d) / c$n * c$scale
  data.frame(case = c$case, model = c$model, scale = c$scale, favourable = c$favourable, group = seq_len(k),
             order = c$order, d = if (is.null(c$d)) NA else c$d, n = c$n, y = y, se = se)
}))
write_fixture(inputs, "r_heat_inputs.csv")

ridit <- function(n) { p <- n / sum(n); cumsum(p) - p / 2 }
row <- function(case, measure, estimate, se = NA, lower = NA, upper = NA)
  data.frame(case = case, measure = measure, estimate = estimate, se = se, lower = lower, upper = upper)

ordered <- function(c) {
  n <- c$n; r <- ridit(n); k <- length(n); p <- n / sum(n)
  fit <- switch(c$model,
    binomial = glm(cbind(c$d, n - c$d) ~ r, family = binomial, control = tight),
    poisson  = glm(c$d ~ r + offset(log(n)), family = poisson, control = tight),
    gaussian = lm(c$y ~ r, weights = n))
  V <- vcovHC(fit, type = "HC1")
  # the sampling covariance the groups' own errors give: the model's for a GLM (binomial, Poisson:
  # dispersion 1), and for the weighted linear fit A·(Σ n²·se²·x·xᵀ)·A with A = (XᵀNX)⁻¹; an interval
  # takes the larger standard error, so it is never narrower than the estimates' own uncertainty
  X <- cbind(1, r)
  if (c$model == "gaussian") {
    A <- solve(t(X) %*% diag(n) %*% X)
    se_y <- inputs[inputs$case == c$case, "se"]
    S <- A %*% (t(X) %*% diag(n^2 * se_y^2) %*% X) %*% A
  } else S <- vcov(fit)
  b <- coef(fit)
  inv <- switch(c$model, binomial = plogis, poisson = exp, gaussian = identity)
  f_sii <- function(b) (inv(b[1] + b[2]) - inv(b[1])) * c$scale
  f_lnrii <- function(b) log(inv(b[1] + b[2])) - log(inv(b[1]))
  g1 <- numDeriv::grad(f_sii, b); g2 <- numDeriv::grad(f_lnrii, b)
  se1 <- max(sqrt(drop(t(g1) %*% V %*% g1)), sqrt(drop(t(g1) %*% S %*% g1)))
  se2 <- max(sqrt(drop(t(g2) %*% V %*% g2)), sqrt(drop(t(g2) %*% S %*% g2)))
  sii <- f_sii(b); lnrii <- f_lnrii(b)
  y <- if (is.null(c$y)) c$d / n * c$scale else c$y
  mu <- sum(p * y); s2 <- sum(p * (r - 0.5)^2)
  aci_fit <- lm(I(2 * s2 * y) ~ r, weights = n)
  aci <- unname(coef(aci_fit)[2]); aci_se <- summary(aci_fit)$coefficients[2, 2]
  rbind(row(c$case, "sii", sii, se1, sii - z * se1, sii + z * se1),
        row(c$case, "rii", exp(lnrii), se2, exp(lnrii - z * se2), exp(lnrii + z * se2)),
        row(c$case, "aci", aci, aci_se, aci - z * aci_se, aci + z * aci_se),
        row(c$case, "rci", aci / mu, aci_se / mu, (aci - z * aci_se) / mu, (aci + z * aci_se) / mu),
        row(c$case, "intercept", b[1]), row(c$case, "slope", b[2]))
}

unordered <- function(c, y, se) {
  n <- c$n; p <- n / sum(n); k <- length(n)
  ref <- if (any(c$order > 0)) which.max(c$order) else if (c$favourable == 1) which.max(y) else which.min(y)
  mu <- function(y) sum(p * y)
  f <- list(
    bgv  = function(y) sum(p * (y - mu(y))^2),
    bgsd = function(y) sqrt(sum(p * (y - mu(y))^2)),
    mdbw = function(y) sum(p * abs(y - y[ref])),
    mdbu = function(y) sum(abs(y - y[ref])) / k,
    mdmw = function(y) sum(p * abs(y - mu(y))),
    mdmu = function(y) sum(abs(y - mu(y))) / k,
    idisw = function(y) sum(p * abs(y - mu(y))) / mu(y) * 100,
    idisu = function(y) sum(abs(y - mu(y))) / k / mu(y) * 100,
    par  = function(y) y[ref] - mu(y),
    paf  = function(y) (y[ref] - mu(y)) / mu(y) * 100,
    ti   = function(y) sum(p * (y / mu(y)) * log(y / mu(y))) * 1000,
    mld  = function(y) -sum(p * log(y / mu(y))) * 1000)
  rows <- do.call(rbind, lapply(names(f), function(m) {
    est <- f[[m]](y)
    if (m %in% c("bgv", "bgsd", "ti", "mld")) {
      g <- numDeriv::grad(f[[m]], y)
      s <- sqrt(sum(g^2 * se^2))
      row(c$case, m, est, s, est - z * s, est + z * s)
    } else row(c$case, m, est)
  }))
  pairs <- do.call(rbind, lapply(seq_len(k), function(j) {
    d <- y[j] - y[ref]; dse <- if (j == ref) 0 else sqrt(se[j]^2 + se[ref]^2)
    lr <- log(y[j] / y[ref]); lrse <- if (j == ref) 0 else sqrt((se[j] / y[j])^2 + (se[ref] / y[ref])^2)
    rbind(row(c$case, paste0("difference_", j), d, dse, d - z * dse, d + z * dse),
          row(c$case, paste0("ratio_", j), exp(lr), lrse, exp(lr - z * lrse), exp(lr + z * lrse)))
  }))
  rbind(rows, pairs, row(c$case, "setting_average", mu(y)), row(c$case, "reference_group", ref))
}

expected <- do.call(rbind, lapply(cases, function(c) {
  part <- inputs[inputs$case == c$case, ]
  u <- unordered(c, part$y, part$se)
  if (any(c$order > 0)) rbind(ordered(c), u) else u
}))
write_fixture(expected, "r_heat_expected.csv")
