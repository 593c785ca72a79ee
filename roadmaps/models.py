# Roadmap models arrive with the roadmaps feature; the app is installed now so its
# migrations start from a clean history alongside the others.
