# Expected values for the survival tests (warehouse/src/test/resources/stats/survival/*.csv),
# computed once with R's relsurv and survival packages and kept as fixtures. Run from the project
# root (Debian: r-base-core, r-cran-relsurv, r-cran-survival):
#   Rscript warehouse/src/test/r/survival-fixtures.R
# Every file's first line names R's and the packages' versions.
#
# The data are simulated here (a Gompertz life table and patients with an excess hazard), so the
# Java side reads exactly the same patients and life table from the fixture files.
suppressPackageStartupMessages({ library(survival); library(relsurv) })
out <- "warehouse/src/test/resources/stats/survival"
dir.create(out, showWarnings = FALSE, recursive = TRUE)
version <- paste0("# computed with ", R.version.string, ", relsurv ", packageVersion("relsurv"),
                  ", survival ", packageVersion("survival"))
write_fixture <- function(df, name) {
  path <- file.path(out, name)
  writeLines(version, path)
  suppressWarnings(write.table(format(df, digits = 17), path, sep = ",", row.names = FALSE, quote = FALSE, append = TRUE))
}
YEAR <- 365.241 # relsurv's year in days (transrate)
TIMES <- c(1, 3, 5) * YEAR

# ---- life table: q by single year of age 0-100 (100 holds for all older ages), years 2010-2022
ages <- 0:100
years <- 2010:2022
q_of <- function(age, year, sex) {
  a <- ifelse(sex == 1, 6e-5, 3.5e-5)
  pmin(0.6, 1 - exp(-a * exp(0.093 * age) * exp(-0.015 * (year - 2010))))
}
lt <- expand.grid(age = ages, sex = 1:2, year = years)
lt$q <- mapply(q_of, lt$age, lt$year, lt$sex)
write_fixture(lt[, c("year", "sex", "age", "q")], "life_table.csv")
p_matrix <- function(sex) sapply(years, function(y) 1 - q_of(ages, y, sex))
ratetable <- transrate(p_matrix(1), p_matrix(2), yearlim = c(min(years), max(years)), int.length = 1)

# ---- patients: age at diagnosis, sex, date of diagnosis, death (expected + excess hazard), closing date
simulate <- function(n, seed, from = "2012-01-01", to = "2017-12-31", closing = "2022-12-31", ages = c(20, 99),
                     excess = function(age) 0.10 + 0.004 * (age - 50)) {
  set.seed(seed)
  sex <- sample(1:2, n, replace = TRUE)
  age_years <- runif(n, ages[1], ages[2])
  age_days <- round(age_years * YEAR)
  dx <- as.Date(from) + sample(0:as.integer(as.Date(to) - as.Date(from)), n, replace = TRUE)
  # yearly hazard: background at the age of diagnosis (Gompertz, no ageing: simple, fine for a test) + excess
  background <- -log(1 - mapply(function(a, s) q_of(floor(a), 2015, s), age_years, sex))
  rate <- background + pmax(0.005, excess(age_years))
  death_days <- ceiling(rexp(n, rate) * YEAR)
  follow <- as.integer(as.Date(closing) - dx)
  time <- pmin(death_days, follow)
  status <- as.integer(death_days <= follow)
  data.frame(id = seq_len(n), sex = sex, age_days = age_days, diagnosis = dx, time = time, status = status)
}

# ---- a direct implementation of relsurv's Pohar Perme computation (pohar-perme-reference.R),
# checked below against rs.surv itself on data without entry or weights.
source("warehouse/src/test/r/pohar-perme-reference.R")
hazard_per_day <- function(age_days, date, sex) {
  age <- pmin(100, floor(age_days / YEAR))
  yr <- as.integer(format(date, "%Y"))
  yr <- pmin(max(years), pmax(min(years), yr))
  q <- q_of(age, yr, sex)
  -log(1 - q) / YEAR
}
pp_reference <- function(d, entry = rep(0, nrow(d)), w = rep(1, nrow(d))) pohar_perme_reference(d, entry, w, hazard_per_day)
at_times <- function(curve, times, column) {
  sapply(times, function(t) { k <- which(curve$time <= t); if (length(k) == 0) 1 else curve[[column]][max(k)] })
}

fit_at <- function(fit, times) {
  s <- summary(fit, times = times, extend = TRUE)
  data.frame(years = times / YEAR, surv = s$surv, std_err = s$std.err / ifelse(s$surv > 0, s$surv, NA),
             lower = s$lower, upper = s$upper, n_risk = s$n.risk)
}
relsurv_fit <- function(d, method) {
  rs.surv(Surv(time, status) ~ 1, data = d, ratetable = ratetable, method = method, conf.type = "log",
          rmap = list(age = age_days, sex = sex, year = diagnosis))
}

datasets <- list(
  cohort400 = simulate(400, 1),
  small25 = simulate(25, 2),
  everyone_dies = transform(simulate(30, 3, excess = function(age) 3), status = 1L, time = pmin(time, 2000L)),
  nobody_dies = transform(simulate(30, 4), status = 0L),
  beyond_table = simulate(40, 5, ages = c(95, 104)),
  years_outside_table = simulate(60, 6, from = "2020-06-01", to = "2022-12-31", closing = "2025-06-30"),
  zero_days = transform(simulate(40, 7), time = ifelse(seq_len(40) <= 3, 1L, time), status = ifelse(seq_len(40) <= 3, 1L, status))
)
# zero_days: three patients who died on the day of diagnosis, given 1 day (the Java side's rule
# for a follow-up of 0 days); the Java test feeds them with 0 days.

patients <- NULL; pp <- NULL; e2 <- NULL; km <- NULL
for (name in names(datasets)) {
  d <- datasets[[name]]
  patients <- rbind(patients, data.frame(dataset = name, d))
  fit_pp <- relsurv_fit(d, "pohar-perme")
  fit_e2 <- relsurv_fit(d, "ederer2")
  fit_km <- survfit(Surv(time, status) ~ 1, data = d, conf.type = "log")
  pp <- rbind(pp, data.frame(dataset = name, fit_at(fit_pp, TIMES)))
  e2 <- rbind(e2, data.frame(dataset = name, fit_at(fit_e2, TIMES)))
  km <- rbind(km, data.frame(dataset = name, fit_at(fit_km, TIMES)))
  # the direct implementation must be relsurv's computation
  ref <- pp_reference(d)
  stopifnot(max(abs(at_times(ref, TIMES, "surv") - summary(fit_pp, times = TIMES, extend = TRUE)$surv), na.rm = TRUE) < 1e-10)
  stopifnot(max(abs(at_times(ref, TIMES, "ederer2") - summary(fit_e2, times = TIMES, extend = TRUE)$surv), na.rm = TRUE) < 1e-10)
}
patients$diagnosis <- format(patients$diagnosis)
write_fixture(patients, "patients.csv")
write_fixture(pp, "pohar_perme.csv")
write_fixture(e2, "ederer2.csv")
write_fixture(km, "kaplan_meier.csv")

# ---- period analysis (Brenner): the patients of cohort400 at risk during 2017, each entering at
# 1 January 2017 (or diagnosis) and leaving at 1 January 2018 (or death or closing date).
d <- datasets$cohort400
start <- as.integer(as.Date("2017-01-01") - d$diagnosis)
stop <- as.integer(as.Date("2018-01-01") - d$diagnosis)
entry <- pmax(0L, start)
exit <- pmin(d$time, stop)
status <- as.integer(d$status == 1 & d$time <= stop)
keep <- exit > entry
period <- d[keep, ]
period$time <- exit[keep]
period$status <- status[keep]
period_entry <- entry[keep]
ref <- pp_reference(period, entry = period_entry)
km_period <- survfit(Surv(period_entry, time, status) ~ 1, data = period, conf.type = "log")
s <- summary(km_period, times = TIMES, extend = TRUE)
write_fixture(data.frame(years = TIMES / YEAR, pp_surv = at_times(ref, TIMES, "surv"), pp_std_err = at_times(ref, TIMES, "std_err"),
                         km_surv = s$surv, km_std_err = s$std.err / s$surv, km_lower = s$lower, km_upper = s$upper),
              "period_2017.csv")

# ---- age standardisation with ICSS 1 (Corazziari, Quinn, Capocaccia 2004): 15-44, 45-54, 55-64, 65-74, 75+
icss1 <- c(0.07, 0.12, 0.23, 0.29, 0.29)
d <- datasets$cohort400
group <- cut(d$age_days / YEAR, c(15, 45, 55, 65, 75, Inf), right = FALSE, labels = FALSE)
# traditional: each age group's Pohar Perme estimate, weighted; variance sum of w^2 var
by_group <- lapply(1:5, function(k) fit_at(relsurv_fit(d[group == k, ], "pohar-perme"), TIMES))
traditional <- Reduce(`+`, lapply(1:5, function(k) icss1[k] * by_group[[k]]$surv))
traditional_var <- Reduce(`+`, lapply(1:5, function(k) (icss1[k] * by_group[[k]]$surv * by_group[[k]]$std_err)^2))
# Brenner: individual weights w_k / (n_k / n) in one Pohar Perme estimate
share <- tabulate(group, 5) / nrow(d)
brenner <- pp_reference(d, w = icss1[group] / share[group])
write_fixture(data.frame(years = TIMES / YEAR, traditional = traditional, traditional_se = sqrt(traditional_var),
                         brenner = at_times(brenner, TIMES, "surv"), brenner_log_se = at_times(brenner, TIMES, "std_err")),
              "icss1_standardised.csv")
cat("wrote", out, "\n")
