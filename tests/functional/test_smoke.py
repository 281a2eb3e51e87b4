def test_home_page_welcomes_people(client):
    response = client.get("/")
    assert response.status_code == 200
    assert "Share your story" in response.get_data(as_text=True)


def test_health_check_reports_the_database(client):
    response = client.get("/healthz")
    assert response.status_code == 200
    assert response.get_json() == {"status": "ok", "database": "ok"}
