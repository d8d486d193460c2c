# Expected survival on the bundled demo data (test-fixtures/demo-data), computed in R from the
# delivered files alone, for DemoSurvivalTest: what the warehouse computes from the same files
# through its loaders, marts and engine. Run from the project root:
#   Rscript test-fixtures/src/test/r/demo-survival.R
# Net survival uses the direct implementation of relsurv's Pohar Perme computation
# (warehouse/src/test/r/pohar-perme-reference.R, checked against rs.surv by survival-fixtures.R);
# observed survival is survival's survfit with delayed entry.
suppressPackageStartupMessages(library(survival))
source("warehouse/src/test/r/pohar-perme-reference.R")
dir <- "test-fixtures/demo-data"
YEAR <- 365.241
closing <- as.Date("2027-12-31")
tumours <- read.csv(file.path(dir, "cancer-register.csv"), colClasses = "character")
deaths <- read.csv(file.path(dir, "deaths.csv"), colClasses = "character")
life <- read.csv(file.path(dir, "life-tables.csv"), colClasses = "character")
life$age <- as.integer(sub("\\+", "", life$age))
life$year <- as.integer(life$year); life$sex <- as.integer(life$sex_code); life$q <- as.numeric(life$death_probability)
years <- sort(unique(life$year)); last_age <- max(life$age)
# hazard per day by [age + 1, year index, sex]
lambda <- array(NA, c(last_age + 1, length(years), 2))
lambda[cbind(life$age + 1, match(life$year, years), life$sex)] <- -log(1 - life$q) / YEAR
hazard <- function(age_days, date, sex) {
  age <- pmin(last_age, floor(age_days / YEAR))
  yr <- pmin(max(years), pmax(min(years), as.integer(format(date, "%Y"))))
  lambda[cbind(age + 1, match(yr, years), sex)]
}

t <- transform(tumours, sex = as.integer(sex_code), birth = as.Date(birth_date), diagnosis = as.Date(diagnosis_date))
t <- t[t$behaviour %in% c("", "3") & t$basis_of_diagnosis != "0" & t$diagnosis <= closing, ]
t$age_days <- as.integer(t$diagnosis - t$birth)
death <- as.Date(deaths$death_date[match(t$person_id, deaths$person_id)])
t$died <- !is.na(death) & death <= closing
t$exit <- as.integer(ifelse(t$died, death - t$diagnosis, closing - t$diagnosis))
t <- t[is.na(death) | death >= t$diagnosis, ]
t$exit[t$exit == 0 & t$died] <- 1L  # a death on the day of diagnosis counts as one day

window <- function(d, year) {
  start <- as.integer(as.Date(sprintf("%d-01-01", year)) - d$diagnosis)
  stop <- as.integer(as.Date(sprintf("%d-01-01", year + 1)) - d$diagnosis)
  entry <- pmax(0L, start); exit <- pmin(d$exit, stop)
  status <- as.integer(d$died & d$exit <= stop)
  keep <- exit > entry
  w <- d[keep, ]; w$entry <- entry[keep]; w$time <- exit[keep]; w$status <- status[keep]
  w
}
icss1 <- c(0.07, 0.12, 0.23, 0.29, 0.29)
# the patients an estimate at t years rests on: those at risk in the window before t (the engine's horizon)
within <- function(d, years_after) d[d$entry < floor(years_after * YEAR) + 1, ]
net <- function(d, years_after) {
  d <- within(d, years_after)
  group <- cut(d$age_days / YEAR, c(15, 45, 55, 65, 75, Inf), right = FALSE, labels = FALSE)
  share <- tabulate(group, 5) / nrow(d)
  curve <- pohar_perme_reference(d, d$entry, icss1[group] / share[group], hazard)
  k <- max(which(curve$time <= years_after * YEAR))
  c(curve$surv[k], curve$std_err[k], nrow(d))
}
adults <- t[t$age_days >= 18 * YEAR & t$age_days < 100 * YEAR, ]
lung <- adults[substr(adults$icd10_code, 1, 3) %in% c("C33", "C34"), ]
rows <- list()
add <- function(indicator, diagnosis, sex, v) rows[[length(rows) + 1]] <<- data.frame(indicator = indicator, period = 2027,
  diagnosis = diagnosis, sex = sex, value = v[1], log_se = v[2], patients = v[3])
all2027 <- window(adults, 2027)
add("net_survival_1y", "MALIGNANT", 3, net(all2027, 1))
add("net_survival_5y", "MALIGNANT", 3, net(all2027, 5))
add("net_survival_5y", "MALIGNANT", 2, net(all2027[all2027$sex == 2, ], 5))
children <- within(window(t[t$age_days < 18 * YEAR, ], 2027), 5)
fit <- summary(survfit(Surv(entry, time, status) ~ 1, data = children), times = 5 * YEAR, extend = TRUE)
add("child_observed_survival_5y", "MALIGNANT", 3, c(fit$surv, fit$std.err / fit$surv, nrow(children)))
out <- do.call(rbind, rows)
path <- "test-fixtures/src/test/resources/survival/demo-2027.csv"
writeLines(paste0("# computed with ", R.version.string, ", survival ", packageVersion("survival"),
                  " and pohar-perme-reference.R (relsurv 2.2.9's computation), from test-fixtures/demo-data"), path)
suppressWarnings(write.table(format(out, digits = 17), path, sep = ",", row.names = FALSE, quote = FALSE, append = TRUE))
cat(readLines(path), sep = "\n")
