"""The one packaging rule pyproject.toml cannot express: ship ``resources/`` inside the package.

Everything else (name, version, dependencies, entry points) is in pyproject.toml. The folder
stays at the top of the repository (the PyInstaller spec, the icon and font scripts and the
desktop files use it there); in a wheel it becomes the package ``viewer._resources``, which
``viewer.resources`` finds through ``importlib.resources``. Every file under it is package data,
so new resources (translations, icons) ship without a change here.
"""

from setuptools import find_packages, setup

RESOURCES_PACKAGE = "viewer._resources"

setup(
    packages=[*find_packages(include=["viewer", "viewer.*"]), RESOURCES_PACKAGE],
    package_dir={RESOURCES_PACKAGE: "resources"},
    package_data={RESOURCES_PACKAGE: ["**/*"]},
    # package_data already names every file; include_package_data (on by default with
    # pyproject.toml) would also read the sdist manifest and warn that resources' sub-folders
    # look like packages.
    include_package_data=False,
    exclude_package_data={RESOURCES_PACKAGE: ["**/__pycache__/*", "**/*.pyc"]},
)
